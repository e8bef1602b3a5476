"""Mailing-list cleaning, built as a pluggable pipeline "so that we can add steps later".

Five steps were ever written, nobody has added a sixth in two years, and the only caller is
clean_mailing_list at the bottom.
"""

from abc import ABC, abstractmethod


class PipelineContext:
    def __init__(self, items, options=None):
        self.items = list(items)
        self.options = dict(options or {})
        self.metadata = {}
        self.history = []


class EventBus:
    def __init__(self):
        self._listeners = {}

    def subscribe(self, event, listener):
        self._listeners.setdefault(event, []).append(listener)

    def publish(self, event, **payload):
        for listener in self._listeners.get(event, []):
            listener(**payload)


class Processor(ABC):
    priority = 100
    enabled = True

    def __init__(self, bus):
        self.bus = bus

    @property
    def name(self):
        return type(self).__name__

    def run(self, context):
        self.bus.publish("before", processor=self.name, context=context)
        self.process(context)
        context.history.append(self.name)
        self.bus.publish("after", processor=self.name, context=context)

    @abstractmethod
    def process(self, context): ...


class ProcessorRegistry:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance._classes = []
        return cls._instance

    def register(self, priority=100):
        def decorator(processor_class):
            processor_class.priority = priority
            self._classes.append(processor_class)
            return processor_class

        return decorator

    def create_all(self, bus):
        ordered = sorted(self._classes, key=lambda c: c.priority)
        return [c(bus) for c in ordered if c.enabled]


registry = ProcessorRegistry()


@registry.register(priority=10)
class StripWhitespace(Processor):
    def process(self, context):
        stripped = []
        for item in context.items:
            item = item.strip()
            if item:
                stripped.append(item)
        context.items = stripped


@registry.register(priority=20)
class Lowercase(Processor):
    def process(self, context):
        context.items = [item.lower() for item in context.items]


@registry.register(priority=30)
class ValidateAddress(Processor):
    def process(self, context):
        valid = []
        for item in context.items:
            if item.count("@") != 1 or any(ch.isspace() for ch in item):
                continue
            local, domain = item.split("@")
            if not local or "." not in domain:
                continue
            if domain.startswith(".") or domain.endswith("."):
                continue
            valid.append(item)
        context.items = valid


@registry.register(priority=40)
class BlockDomains(Processor):
    def process(self, context):
        blocked = {d.lower() for d in context.options.get("blocked_domains", ())}
        context.items = [i for i in context.items if i.split("@")[1] not in blocked]


@registry.register(priority=50)
class Deduplicate(Processor):
    def process(self, context):
        seen = set()
        unique = []
        for item in context.items:
            if item not in seen:
                seen.add(item)
                unique.append(item)
        context.items = unique


class PipelineBuilder:
    def __init__(self):
        self._bus = EventBus()
        self._options = {}

    def with_option(self, key, value):
        self._options[key] = value
        return self

    def build(self):
        return Pipeline(registry.create_all(self._bus), self._options)


class Pipeline:
    def __init__(self, processors, options):
        self.processors = processors
        self.options = options

    def execute(self, items):
        context = PipelineContext(items, self.options)
        for processor in self.processors:
            processor.run(context)
        return context.items


def clean_mailing_list(addresses, blocked_domains=()):
    """Normalise, validate, filter and deduplicate a list of e-mail addresses."""
    pipeline = PipelineBuilder().with_option("blocked_domains", blocked_domains).build()
    return pipeline.execute(addresses)
