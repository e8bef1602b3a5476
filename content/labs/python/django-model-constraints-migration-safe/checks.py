"""Checks for django-model-constraints-migration-safe: the candidate's Coupon model gets a real
table in in-memory SQLite; every check runs in a transaction that is rolled back afterwards."""

import contextlib
from datetime import datetime, timedelta, timezone

import solution
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ModelState, ProjectState

Coupon = solution.Coupon
START = datetime(2025, 6, 1, 9, 0, tzinfo=timezone.utc)
END = START + timedelta(days=30)

with connection.schema_editor() as _editor:
    _editor.create_model(Coupon)


@contextlib.contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _coupon(**changes):
    fields = {
        "shop": "north",
        "code": "SUMMER25",
        "percent_off": 10,
        "valid_from": START,
        "valid_until": END,
        "enabled": True,
    }
    fields.update(changes)
    return fields


def _insert(**changes):
    """Save with Model.objects.create(): no full_clean(), unless save() calls it."""
    try:
        with transaction.atomic():
            Coupon.objects.create(**_coupon(**changes))
    except (IntegrityError, ValidationError):
        return "rejected"
    return "saved"


def _expect(outcome, expected, what):
    assert outcome == expected, f"{what} was {outcome} by the database; expected {expected}"


def check_percent_off_enforced_by_database(solution):
    with _rolled_back():
        _expect(_insert(percent_off=1), "saved", "a 1% coupon")
        _expect(_insert(code="FULL", percent_off=100), "saved", "a 100% coupon")
        _expect(_insert(code="ZERO", percent_off=0), "rejected", "a 0% coupon")
        _expect(_insert(code="HUGE", percent_off=101), "rejected", "a 101% coupon")
        try:
            with transaction.atomic():
                changed = Coupon.objects.filter(code="FULL").update(percent_off=150)
        except IntegrityError:
            changed = None
        assert changed is None, (
            "QuerySet.update(percent_off=150) succeeded: update() skips save() and clean(), so"
            " only a constraint in the database can stop it"
        )
        return sorted(Coupon.objects.values_list("code", "percent_off"))


def check_valid_window_enforced_by_database(solution):
    with _rolled_back():
        _expect(_insert(code="OPEN", valid_until=None), "saved", "an open-ended coupon")
        _expect(
            _insert(code="ONEDAY", valid_until=START + timedelta(days=1)),
            "saved",
            "a one-day coupon",
        )
        _expect(
            _insert(code="BACKWARDS", valid_until=START - timedelta(hours=1)),
            "rejected",
            "a coupon ending before it starts",
        )
        _expect(
            _insert(code="EMPTY", valid_until=START),
            "rejected",
            "a coupon ending the instant it starts",
        )
        return sorted(Coupon.objects.values_list("code", flat=True))


def check_one_enabled_code_per_shop(solution):
    with _rolled_back():
        _expect(_insert(), "saved", "the first SUMMER25 in shop north")
        _expect(_insert(), "rejected", "a second enabled SUMMER25 in the same shop")
        _expect(_insert(shop="south"), "saved", "SUMMER25 in another shop")
        _expect(_insert(enabled=False), "saved", "a disabled SUMMER25 next to the enabled one")
        _expect(_insert(enabled=False), "saved", "a second disabled SUMMER25")
        Coupon.objects.filter(shop="north", enabled=True).update(enabled=False)
        _expect(
            _insert(percent_off=20), "saved", "a new enabled SUMMER25 once the old one is disabled"
        )
        return sorted(Coupon.objects.values_list("shop", "enabled", "percent_off"))


def _errors(**changes):
    coupon = Coupon(**_coupon(**changes))
    try:
        coupon.full_clean()
    except ValidationError as exc:
        return coupon, sorted(exc.message_dict)
    return coupon, []


def check_full_clean_reports_fields(solution):
    with _rolled_back():
        coupon, errors = _errors(code="  summer25 ")
        assert errors == [], (
            f"full_clean() rejected the code '  summer25 ' with {errors}; clean() should normalise it"
        )
        assert coupon.code == "SUMMER25", (
            f"clean() left the code as {coupon.code!r}; expected 'SUMMER25'"
        )
        coupon.save()
        found = {}
        for label, changes in [
            ("bad_code", {"code": "SUM-25"}),
            ("short_code", {"code": "AB1"}),
            ("window", {"code": "WINTER", "valid_until": START - timedelta(days=1)}),
            ("duplicate", {"code": "summer25"}),
            ("duplicate_disabled", {"code": "summer25", "enabled": False}),
        ]:
            found[label] = _errors(**changes)[1]
        assert found["window"] == ["valid_until"], (
            f"a coupon ending before it starts gave errors on {sorted(found['window'])};"
            " expected one error on 'valid_until', so a form can show it next to that field"
        )
        assert NON_FIELD_ERRORS in found["duplicate"], (
            "full_clean() accepted a second enabled 'summer25' in the same shop; model"
            " validation should report the unique constraint"
        )
        return found


def check_active_is_chainable(solution):
    with _rolled_back():
        Coupon.objects.create(**_coupon(code="NORTH1"))
        Coupon.objects.create(**_coupon(code="NORTH2", valid_until=None))
        Coupon.objects.create(**_coupon(code="NORTHOFF", enabled=False))
        Coupon.objects.create(**_coupon(code="LATER", valid_from=END, valid_until=None))
        Coupon.objects.create(**_coupon(shop="south", code="SOUTH1"))
        try:
            north = Coupon.objects.filter(shop="north").active(START)
        except AttributeError as exc:
            raise AssertionError(
                f"Coupon.objects.filter(shop='north').active(...) failed ({exc}): active() must"
                " be a QuerySet method so it chains after filter()"
            ) from None
        moments = {
            "at_start": START,
            "before_start": START - timedelta(microseconds=1),
            "just_before_end": END - timedelta(microseconds=1),
            "at_end": END,
            "much_later": END + timedelta(days=365),
        }
        result = {
            label: sorted(Coupon.objects.active(at).values_list("code", flat=True))
            for label, at in moments.items()
        }
        assert "NORTH1" not in result["at_end"], (
            "active(valid_until) still lists a coupon that expires at that instant; the end of"
            " the window is exclusive"
        )
        assert "LATER" not in result["before_start"] and "NORTH1" in result["at_start"], (
            f"at the instant a coupon starts, active() gave {result['at_start']}; the start of"
            " the window is inclusive"
        )
        result["north_now"] = sorted(north.values_list("code", flat=True))
        result["active_then_filter"] = Coupon.objects.active(START).filter(shop="south").count()
        return result


def check_constraints_reach_migrations(solution):
    state = ProjectState()
    state.add_model(ModelState.from_model(Coupon))
    app_label = Coupon._meta.app_label
    questioner = NonInteractiveMigrationQuestioner(specified_apps={app_label})
    changes = MigrationAutodetector(ProjectState(), state, questioner).changes(MigrationGraph())
    declared = []
    for migration in changes.get(app_label, []):
        for operation in migration.operations:
            found = (
                list(operation.options.get("constraints", []))
                if hasattr(operation, "options")
                else []
            )
            if hasattr(operation, "constraint"):
                found.append(operation.constraint)
            declared += [(type(c).__name__, c.name) for c in found]
    problems = [f"{e.id}: {e.msg}" for e in Coupon.check(databases=["default"])]
    assert not problems, f"Django's system checks report: {problems}"
    return sorted(declared)
