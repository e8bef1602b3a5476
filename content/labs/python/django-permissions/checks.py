"""Checks for django-permissions: a small DRF API (trusted, defined here) protected by the
candidate's IsOwnerOrStaff and listing through visible_notes; users live in in-memory SQLite."""

import contextlib
import logging
import sys
import traceback

sys.modules.setdefault("requests", None)  # see the provided block of solution.py

import solution
from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.authentication import BasicAuthentication
from rest_framework.test import APIRequestFactory, force_authenticate

Note = solution.Note
logging.getLogger("django.request").setLevel(logging.CRITICAL)
call_command("migrate", verbosity=0)  # contenttypes and auth, from Django's own migrations
with connection.schema_editor() as _editor:
    _editor.create_model(Note)
_delete_note, _ = Permission.objects.get_or_create(
    codename="delete_note",
    content_type=ContentType.objects.get_for_model(Note),
    defaults={"name": "Can delete note"},
)
factory = APIRequestFactory()


class NoteSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Note
        fields = ["id", "title", "body", "is_public", "owner"]


class NoteDetail(generics.RetrieveUpdateDestroyAPIView):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    authentication_classes = [BasicAuthentication]
    permission_classes = [solution.IsOwnerOrStaff]


class NoteList(generics.ListAPIView):
    serializer_class = NoteSerializer
    authentication_classes = [BasicAuthentication]
    permission_classes = [solution.IsOwnerOrStaff]

    def get_queryset(self):
        return solution.visible_notes(self.request.user, Note.objects.order_by("title"))


detail_view, list_view = NoteDetail.as_view(), NoteList.as_view()


@contextlib.contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _people():
    """Fresh users (no permission cache) and notes, by name."""
    ann = User.objects.create_user("ann")
    bob = User.objects.create_user("bob")
    staff = User.objects.create_user("stella", is_staff=True)
    mod = User.objects.create_user("mo")
    mod.user_permissions.add(_delete_note)
    group_member = User.objects.create_user("gus")
    moderators = Group.objects.create(name="moderators")
    moderators.permissions.add(_delete_note)
    group_member.groups.add(moderators)
    root = User.objects.create_superuser("root", password=None)
    notes = {
        "ann_private": Note.objects.create(owner=ann, title="Ann's diary"),
        "ann_public": Note.objects.create(owner=ann, title="Ann's recipes", is_public=True),
        "bob_private": Note.objects.create(owner=bob, title="Bob's plans"),
    }
    return {u.username: u for u in (ann, bob, staff, mod, group_member, root)}, notes


def _request(method, user, note=None, what=""):
    path = f"/notes/{note.pk}/" if note else "/notes/"
    body = {"title": "Edited"} if method in ("PUT", "PATCH") else None
    request = (
        getattr(factory, method.lower())(path, body, format="json")
        if body
        else getattr(factory, method.lower())(path)
    )
    if user is not None:
        force_authenticate(request, user=User.objects.get(pk=user.pk))  # fresh: no stale perm cache
    try:
        if note:
            response = detail_view(request, pk=note.pk)
        else:
            response = list_view(request)
    except Exception as exc:
        raise AssertionError(
            f"{method} {path} as {what or 'anonymous'} crashed with {_crash(exc)}"
        ) from None
    return response


def _status(method, who, users, notes, key):
    user = users.get(who)
    with transaction.atomic():  # a DELETE that succeeds is undone, so later requests see the note
        status = _request(method, user, notes[key], who).status_code
        transaction.set_rollback(True)
    return status


def _table(who, users, notes):
    return {
        key: {m: _status(m, who, users, notes, key) for m in ("GET", "PATCH", "DELETE")}
        for key in notes
    }


def check_signed_out_is_401(solution):
    with _rolled_back():
        users, notes = _people()
        result = {
            "detail": {
                m: _status(m, "anonymous", users, notes, "ann_public")
                for m in ("GET", "PATCH", "DELETE")
            },
            "list": _request("GET", None).status_code,
        }
        assert result["detail"]["GET"] == 401, (
            f"an anonymous GET of a public note answered {result['detail']['GET']}; this API is for"
            " signed-in users only (401)"
        )
        return result


def check_owner_has_full_access(solution):
    with _rolled_back():
        users, notes = _people()
        table = _table("ann", users, notes)
        return {key: table[key] for key in ("ann_private", "ann_public")}


def check_others_read_public_notes_only(solution):
    with _rolled_back():
        users, notes = _people()
        table = _table("bob", users, notes)
        assert table["ann_public"]["PATCH"] == 403, (
            f"bob could PATCH ann's public note ({table['ann_public']['PATCH']}); public means"
            " readable, not writable"
        )
        return {key: table[key] for key in ("ann_private", "ann_public")}


def check_staff_edit_but_cannot_delete(solution):
    with _rolled_back():
        users, notes = _people()
        table = _table("stella", users, notes)
        assert table["ann_private"]["DELETE"] == 403, (
            "a staff user without the delete_note permission deleted someone's note; is_staff"
            " allows reading and editing, deleting needs the permission"
        )
        return table


def check_delete_permission_from_user_group_or_superuser(solution):
    with _rolled_back():
        users, notes = _people()
        result = {who: _table(who, users, notes)["ann_private"] for who in ("mo", "gus", "root")}
        for who, how in (
            ("mo", "directly"),
            ("gus", "through the 'moderators' group"),
            ("root", "as a superuser"),
        ):
            assert result[who]["DELETE"] == 204, (
                f"{who}, who holds solution.delete_note {how}, could not delete a note"
                f" ({result[who]['DELETE']}): ask user.has_perm(), which knows all three sources"
            )
        return result


def check_visible_notes(solution):
    with _rolled_back():
        users, notes = _people()
        result = {}
        for who in ("anonymous", "ann", "bob", "stella"):
            user = users.get(who) or AnonymousUser()
            try:
                visible = solution.visible_notes(user, Note.objects.order_by("title"))
            except Exception as exc:
                raise AssertionError(
                    f"visible_notes() for {who} crashed with {_crash(exc)}"
                ) from None
            assert isinstance(visible, QuerySet), (
                f"visible_notes() returned a {type(visible).__name__}; return a QuerySet so the"
                " view can paginate it in SQL"
            )
            result[who] = [n.title for n in visible]
        return result


def check_list_endpoint(solution):
    with _rolled_back():
        users, notes = _people()
        result = {}
        for who in ("ann", "bob", "stella"):
            response = _request("GET", users[who], what=who)
            result[who] = [response.status_code, [n["title"] for n in response.data]]
        return result
