"""The curriculum map is the seed, exactly: every bullet a topic, every question, every resource."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from prep.content.catalog import Catalog
from prep.content.loader import BEHAVIORAL
from tests.conftest import REAL_CONTENT

SEED = (REAL_CONTENT / "seed.md").read_text(encoding="utf-8")
CHAPTERS = {c.splitlines()[0]: c for c in re.split(r"^## ", SEED, flags=re.M)[1:]}


def _chapter(name: str) -> str:
    return next(text for title, text in CHAPTERS.items() if name in title)


def _seed_bullets() -> list[tuple[str, str]]:
    """(section heading, bullet text) for every topic bullet under "Key Interview Topics"."""
    topics_part = _chapter("Key Interview Topics")
    bullets, section = [], ""
    for line in topics_part.splitlines():
        if heading := re.match(r"^### \d\. \*\*(.+?)\*\*", line):
            section = heading.group(1)
        elif bullet := re.match(r"^- (.+)$", line):
            bullets.append((section, bullet.group(1)))
    return bullets


def _seed_questions() -> list[tuple[str, str]]:
    part = _chapter("Likely Interview Questions")
    out, group = [], ""
    for line in part.splitlines():
        if heading := re.match(r"^### (.+)$", line):
            group = heading.group(1)
        elif question := re.match(r"^\d+\. (.+)$", line):
            out.append((group, question.group(1)))
    return out


def test_seed_copy_matches_the_shared_seed_when_present() -> None:
    shared = REAL_CONTENT.parents[1] / "shared" / "seed" / "000_f19d20dbc82b5073.txt"
    if not shared.exists():
        pytest.skip(f"{shared} is not beside this checkout; content/seed.md is the copy under test")
    assert shared.read_text(encoding="utf-8") == SEED


def test_every_seed_bullet_is_one_topic_in_seed_order(real_catalog: Catalog) -> None:
    bullets = _seed_bullets()
    assert len(bullets) == 122
    topics = sorted(real_catalog.topics.values(), key=lambda t: t.order)
    assert [t.seed for t in topics] == [text for _, text in bullets]
    for (section_heading, _), topic in zip(bullets, topics, strict=True):
        assert real_catalog.section(topic.section_id).seed == section_heading


def test_sections_marked_high_priority_in_the_seed_are_high(real_catalog: Catalog) -> None:
    assert len(real_catalog.sections) == 9
    for section in real_catalog.sections:
        expected = "high" if "High Priority" in section.seed else "normal"
        assert section.priority == expected, section.id
        assert all(t.priority == expected for t in real_catalog.topics_in(section.id))
    high = [s.id for s in real_catalog.sections if s.priority == "high"]
    assert high == ["core-python", "concurrency", "web-frameworks", "api-design", "devops-cicd"]


def test_every_likely_question_is_mapped_with_its_exact_text(real_catalog: Catalog) -> None:
    seed_questions = _seed_questions()
    assert len(seed_questions) == 19
    assert [(q.group, q.seed) for q in real_catalog.questions] == seed_questions
    for question in real_catalog.questions:
        assert question.kind == ("behavioral" if question.group == "Behavioral" else "technical")
        sections = {s.id for s in real_catalog.sections} | {BEHAVIORAL}
        assert question.section in sections
        assert question.topic_ids and set(question.topic_ids) <= set(real_catalog.topics)


def test_every_recommended_resource_is_listed_and_linked(real_catalog: Catalog) -> None:
    resource_lines = re.findall(
        r"^- (\*\*.+)$", _chapter("Recommended Preparation Resources"), re.M
    )
    assert {r.seed for r in real_catalog.resources} == set(resource_lines)
    titles = " ".join(r.title for r in real_catalog.resources)
    for named in (
        "Fluent Python",
        "Python Cookbook",
        "Designing Data-Intensive Applications",
        "LeetCode",
        "System Design Primer",
        "FastAPI",
        "Kubernetes",
        "Docker Deep Dive",
    ):
        assert named in titles
    for resource in real_catalog.resources:
        assert set(resource.topic_ids) <= set(real_catalog.topics)


def test_ids_are_unique_and_every_topic_is_reachable_from_a_section(real_catalog: Catalog) -> None:
    reachable = [t for s in real_catalog.sections for t in s.topic_ids]
    assert sorted(reachable) == sorted(real_catalog.topics)
    ids = reachable + [s.id for s in real_catalog.sections] + [q.id for q in real_catalog.questions]
    ids += [r.id for r in real_catalog.resources]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
