def added(solution, before):
    """The names registered since `before` (the checks share one registry)."""
    return sorted(set(solution.Plugin.available()) - set(before))


def define(what, make):
    """Run a class statement; a TypeError or ValueError there becomes a readable failure."""
    try:
        return make()
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"defining {what} raised {type(exc).__name__}: {exc}") from None


def check_registers_named_subclasses(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    def make():
        class CsvImporter(Plugin, name="a.csv"):
            def load(self, text):
                return [line.split(",") for line in text.splitlines()]

        class JsonLinesImporter(Plugin, name="a.jsonl"):
            def load(self, text):
                return [["json", line] for line in text.splitlines()]

        return CsvImporter, JsonLinesImporter

    csv_cls, jsonl_cls = define("two plugins", make)
    csv = Plugin.create("a.csv")
    assert type(csv) is csv_cls, f"create('a.csv') returned a {type(csv).__name__}"
    assert type(Plugin.create("a.jsonl")) is jsonl_cls
    return [added(solution, before), csv.load("x,y\n1,2")]


def check_create_passes_arguments(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    def make():
        class DelimitedImporter(Plugin, name="b.delimited"):
            def __init__(self, delimiter, *, header=False):
                self.delimiter, self.header = delimiter, header

            def load(self, text):
                rows = [line.split(self.delimiter) for line in text.splitlines()]
                return rows[1:] if self.header else rows

    define("a plugin", make)
    plugin = Plugin.create("b.delimited", ";", header=True)
    return [added(solution, before), plugin.delimiter, plugin.header, plugin.load("h1;h2\na;b")]


def check_abstract_bases_not_registered(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    def make():
        class TextImporter(Plugin):
            """Shared helpers for line-based formats; still abstract (no load)."""

            def lines(self, text):
                return [line for line in text.splitlines() if line.strip()]

        class TsvImporter(TextImporter, name="c.tsv"):
            def load(self, text):
                return [line.split("\t") for line in self.lines(text)]

        return TextImporter

    text_importer = define("an abstract base and a plugin", make)
    names = added(solution, before)
    assert names == ["c.tsv"], (
        f"defining an unnamed abstract base and one plugin named c.tsv registered {names}; "
        "only c.tsv should be registered"
    )
    outcomes = []
    for label, make_instance in (("Plugin()", Plugin), ("TextImporter()", text_importer)):
        try:
            make_instance()
        except TypeError:
            outcomes.append(f"{label}: TypeError")
        else:
            raise AssertionError(f"{label} should fail: the class is abstract")
    return [names, outcomes, Plugin.create("c.tsv").load("a\tb\n\n")]


def check_unnamed_subclass_of_plugin(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    def make():
        class XmlImporter(Plugin, name="d.xml"):
            def load(self, text):
                return ["xml", text]

        class StrictXmlImporter(XmlImporter):
            def load(self, text):
                return ["strict", text]

        class LenientXmlImporter(XmlImporter, name="d.xml-lenient"):
            pass

        return XmlImporter

    xml_cls = define("a plugin and unnamed and named subclasses of it", make)
    created = Plugin.create("d.xml")
    assert type(created) is xml_cls, (
        f"create('d.xml') built {type(created).__name__}; the unnamed subclass must not take over"
    )
    return [added(solution, before), created.load("<a/>"), Plugin.create("d.xml-lenient").load("")]


def check_duplicate_name_raises(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    def make():
        class OriginalParquet(Plugin, name="e.parquet"):
            def load(self, text):
                return ["original"]

        return OriginalParquet

    original = define("a plugin", make)
    try:

        class CopiedParquet(Plugin, name="e.parquet"):
            def load(self, text):
                return ["copy"]

    except ValueError as exc:
        message = str(exc)
        assert "e.parquet" in message and "OriginalParquet" in message, (
            f"the error should name the plugin name and the class holding it: {message!r}"
        )
    else:
        raise AssertionError("a second class registered the taken name 'e.parquet' without error")
    assert type(Plugin.create("e.parquet")) is original, "the first holder lost its name"
    return [added(solution, before), Plugin.create("e.parquet").load("")]


def check_unknown_name_is_key_error(solution):
    try:
        solution.Plugin.create("f.no-such-format")
    except KeyError as exc:
        assert "f.no-such-format" in str(exc), f"the KeyError does not name the plugin: {exc}"
        return "KeyError"
    raise AssertionError("create() with an unknown name did not raise KeyError")


def check_forwards_class_keywords(solution):
    Plugin = solution.Plugin
    before = Plugin.available()

    class Prioritised:
        """A mixin with its own class keyword."""

        def __init_subclass__(cls, *, priority=0, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.priority = priority

    def make():
        class ExcelImporter(Plugin, Prioritised, name="g.xlsx", priority=5):
            def load(self, text):
                return ["excel"]

        class OdsImporter(Plugin, Prioritised, name="g.ods"):
            def load(self, text):
                return ["ods"]

        return ExcelImporter, OdsImporter

    excel, ods = define("plugins with a mixin taking priority=", make)
    return [added(solution, before), excel.priority, ods.priority]
