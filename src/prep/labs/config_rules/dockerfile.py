"""Dockerfile rules: what a production image for a Python service should get right."""

from __future__ import annotations

import fnmatch
import re
import shlex

from prep.labs.config_rules.base import Finding, parser, rule
from prep.labs.config_rules.dockerfile_model import (
    Dockerfile,
    Instruction,
    Stage,
    parse_dockerfile,
    substitute,
)
from prep.labs.config_rules.images import unpinned
from prep.labs.config_rules.secret_values import looks_secret, secret_in_value, secret_literal

parser("dockerfile")(parse_dockerfile)

_MANIFESTS = (
    "requirements*.txt", "requirements", "constraints*.txt", "pyproject.toml", "poetry.lock",
    "uv.lock", "pdm.lock", "Pipfile", "Pipfile.lock", "setup.cfg", "setup.py", "README*",
)  # fmt: skip
_ARCHIVES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst")
_BUILD_TOOLS = frozenset({"build-essential", "gcc", "g++", "make", "clang", "cmake", "cargo"})
_INSTALLERS = frozenset({"apt-get", "apt", "apk", "yum", "dnf", "microdnf"})


@rule(
    "docker.pinned-base-image",
    "dockerfile",
    "every FROM names its image with a tag other than latest, or a digest",
    """An image without a tag means :latest, and latest moves: the same Dockerfile builds a
    different system next week, a new Python minor version or a new Debian release arrives
    unannounced, and a rebuild to ship a one-line fix can break in unrelated ways. A version
    tag (python:3.12-slim) makes upgrades a deliberate change you can review; a digest pins the
    exact bytes.""",
)
def _pinned_base_image(doc: Dockerfile) -> list[Finding]:
    findings = []
    variables = doc.arg_defaults()
    for stage in doc.stages:
        if stage.image.lower() == "scratch" or doc.stage_ref(stage.image, stage.index):
            continue
        image = substitute(stage.image, variables)
        if image is None:
            findings.append(
                Finding(
                    stage.line,
                    f"the base image {stage.image!r} uses a build argument with no default",
                    "give the ARG before FROM a default version so a plain build is pinned",
                )
            )
            continue
        problem = unpinned(image)
        if problem:
            findings.append(
                Finding(
                    stage.line,
                    f"the base image {problem}",
                    "pin a version tag such as python:3.12-slim, or a digest",
                )
            )
    return findings


@rule(
    "docker.multi-stage",
    "dockerfile",
    "a build stage prepares the dependencies and the final stage copies only the result",
    """Compilers, headers and pip's caches are needed to build wheels, not to run them. A
    multi-stage build installs them in a builder stage and copies only the built packages into
    a clean final stage, which makes the image smaller, faster to pull and with fewer packages
    for a scanner (or an attacker) to find.""",
)
def _multi_stage(doc: Dockerfile) -> list[Finding]:
    final = doc.final
    if len(doc.stages) < 2:
        return [
            Finding(
                final.line,
                "there is only one stage, so build tools ship in the image",
                "add a builder stage (FROM ... AS builder) and COPY --from=builder its output",
            )
        ]
    findings = []
    copies = [
        i
        for i in final.named("COPY")
        if "from" in i.flags and doc.stage_ref(i.flags["from"], final.index) is not None
    ]
    if not copies:
        findings.append(
            Finding(
                final.line,
                "the final stage copies nothing from an earlier stage",
                "build in the builder stage and COPY --from=<builder> the result into this one",
            )
        )
    for stage in doc.lineage(final):
        for run in stage.named("RUN"):
            tools = sorted(_installed_packages(run) & _BUILD_TOOLS) or sorted(
                p for p in _installed_packages(run) if p.endswith(("-dev", "-devel"))
            )
            if tools:
                findings.append(
                    Finding(
                        run.line,
                        f"the final image installs build tools ({', '.join(tools)})",
                        "install them in the builder stage only; the final stage needs none",
                    )
                )
    return findings


@rule(
    "docker.non-root-user",
    "dockerfile",
    "the final stage switches to a user that is not root",
    """A process that runs as root inside the container is root on every file the container
    can see, and one kernel or runtime bug away from root on the host. Creating an unprivileged
    user and switching to it with USER limits what a compromised application can do. Docker
    records the last USER of the final stage in the image, so that one is what counts.""",
)
def _non_root_user(doc: Dockerfile) -> list[Finding]:
    final = doc.final
    users = [u for stage in reversed(doc.lineage(final)) for u in stage.named("USER")]
    if not users:
        return [
            Finding(
                final.line,
                "the final stage never sets USER, so the container runs as root",
                "create a user (useradd/adduser) and add USER <name> before CMD",
            )
        ]
    last = users[-1]
    words = last.words()
    name = words[0].split(":")[0] if words else ""
    if "$" in name:
        resolved = substitute(name, _stage_variables(doc, final))
        if resolved is None:
            return [
                Finding(
                    last.line,
                    f"USER {name} uses a variable with no value in this Dockerfile",
                    "name the user (or its uid) directly",
                )
            ]
        name = resolved
    if name in ("", "root", "0"):
        return [
            Finding(
                last.line,
                "the last USER of the final stage is root",
                "switch to an unprivileged user (USER app, or a uid such as 10001)",
            )
        ]
    return []


@rule(
    "docker.layer-order",
    "dockerfile",
    "dependency manifests are copied and installed before the application source",
    """Docker reuses a cached layer only while everything before it is unchanged. Copying the
    whole source tree before `pip install` means every edit to any file re-downloads and
    reinstalls every dependency. Copying only requirements.txt (or pyproject.toml and the lock
    file) first, installing, and then copying the source keeps the slow install layer cached
    until the dependencies really change.""",
)
def _layer_order(doc: Dockerfile) -> list[Finding]:
    findings = []
    installs = 0
    for stage in doc.stages:
        seen_install = False
        for instruction in stage.instructions:
            if instruction.keyword == "RUN" and _installs_dependencies(instruction):
                installs += 1
                seen_install = True
            elif (
                instruction.keyword in ("COPY", "ADD")
                and not seen_install
                and "from" not in instruction.flags
                and _installs_later(stage, instruction)
            ):
                sources = _sources(instruction)
                source = [s for s in sources if not _is_manifest(s)]
                if source:
                    findings.append(
                        Finding(
                            instruction.line,
                            f"{instruction.keyword} {' '.join(source)} brings in application "
                            "source before the dependencies are installed",
                            "copy only the dependency manifests, install, then copy the source",
                        )
                    )
    if installs == 0:
        line = doc.final.line
        findings.append(
            Finding(
                line,
                "no RUN installs the dependencies from a manifest",
                "install them with pip install -r requirements.txt (or uv sync, poetry install)",
            )
        )
    return findings


@rule(
    "docker.no-secrets-in-env",
    "dockerfile",
    "no ENV or ARG carries a password, token or key",
    """Every ENV value is stored in the image's configuration and every build argument in its
    history: anyone who can pull the image can read them with `docker inspect` or `docker
    history`, long after the value was rotated in the vault. Secrets belong to the runtime (an
    environment variable or a mounted file set by the orchestrator) or, when the build needs
    one, to a BuildKit secret mount (RUN --mount=type=secret), which never lands in a layer.""",
)
def _no_secrets_in_env(doc: Dockerfile) -> list[Finding]:
    findings = []
    everything = list(doc.global_args) + [i for s in doc.stages for i in s.instructions]
    for instruction in everything:
        if instruction.keyword not in ("ENV", "ARG"):
            continue
        for name, value in _assignments(instruction):
            held = secret_in_value(value) if value else None
            # An ARG without a default still records the value passed with --build-arg.
            if held or (looks_secret(name) and (not value or secret_literal(name, value))):
                what = f"holds {held}" if held else "is named like a secret"
                findings.append(
                    Finding(
                        instruction.line,
                        f"{instruction.keyword} {name} {what}, and is readable by anyone "
                        "who can pull the image",
                        "pass it at run time (environment or a mounted secret file), or use "
                        "RUN --mount=type=secret during the build",
                    )
                )
    return findings


@rule(
    "docker.healthcheck",
    "dockerfile",
    "the final image declares a HEALTHCHECK that can run in it",
    """A running process is not a working service: the app can be deadlocked, or up but unable
    to reach its database. A HEALTHCHECK lets Docker (and Compose, via depends_on conditions)
    tell a healthy container from a stuck one. It must use a tool the image has: slim Python
    images ship neither curl nor wget, so a curl probe there fails forever.""",
)
def _healthcheck(doc: Dockerfile) -> list[Finding]:
    final = doc.final
    lineage = doc.lineage(final)
    checks = [h for stage in reversed(lineage) for h in stage.named("HEALTHCHECK")]
    if not checks or checks[-1].args.strip().upper() == "NONE":
        line = checks[-1].line if checks else final.line
        return [
            Finding(
                line,
                "the final image has no HEALTHCHECK",
                "add HEALTHCHECK CMD <a command that fails when the service is unhealthy>",
            )
        ]
    check = checks[-1]
    words = check.args.split(None, 1)
    if len(words) < 2 or words[0].upper() != "CMD":
        return [Finding(check.line, "HEALTHCHECK must be NONE or CMD <command>", "add CMD")]
    tool = (Instruction("CMD", check.line, words[1]).words() or [""])[0]
    base = lineage[-1].image
    installed = {p for stage in lineage for r in stage.named("RUN") for p in _installed_packages(r)}
    if tool in ("curl", "wget") and "slim" in base and tool not in installed:
        return [
            Finding(
                check.line,
                f"the health check runs {tool}, which {base} does not include",
                "install it, or probe with python -c and urllib.request",
            )
        ]
    return []


@rule(
    "docker.exec-form",
    "dockerfile",
    "CMD and ENTRYPOINT use the JSON (exec) form",
    """In shell form Docker runs the command under /bin/sh -c, so the shell is PID 1 and the
    application never receives SIGTERM: `docker stop` waits out its timeout and then kills the
    process, with no graceful shutdown. The exec form (["uvicorn", "app.main:app", ...]) runs
    the program itself as PID 1, so it gets the signal and can finish in-flight requests.""",
)
def _exec_form(doc: Dockerfile) -> list[Finding]:
    final = doc.final
    found = False
    findings = []
    for keyword in ("ENTRYPOINT", "CMD"):
        instructions = [i for s in reversed(doc.lineage(final)) for i in s.named(keyword)]
        if not instructions:
            continue
        found = True
        effective = instructions[-1]
        if effective.exec_form() is None:
            looks_json = effective.args.strip().startswith("[")
            problem = (
                f"{keyword} looks like a JSON array but is not valid JSON (use double quotes), "
                "so Docker runs it through a shell"
                if looks_json
                else f"{keyword} is in shell form, so /bin/sh is PID 1 and swallows SIGTERM"
            )
            findings.append(
                Finding(effective.line, problem, f'write {keyword} ["program", "arg", ...]')
            )
    if not found:
        findings.append(
            Finding(
                final.line,
                "the final stage has no CMD or ENTRYPOINT, so it runs the base image's default",
                'add CMD ["uvicorn", ...] in exec form',
            )
        )
    return findings


@rule(
    "docker.prefer-copy",
    "dockerfile",
    "files come in with COPY; ADD only unpacks a local archive",
    """ADD does more than copy: it downloads URLs (with no checksum unless you give one, and no
    cache control) and silently unpacks archives. That makes a build depend on a server at
    build time and hides what lands in the image. COPY does exactly one thing; downloads
    belong in a RUN step that verifies what it fetched.""",
)
def _prefer_copy(doc: Dockerfile) -> list[Finding]:
    findings = []
    for stage in doc.stages:
        for add in stage.named("ADD"):
            sources = _sources(add)
            remote = [s for s in sources if re.match(r"(https?|git)://|git@", s)]
            if remote and "checksum" not in add.flags:
                findings.append(
                    Finding(
                        add.line,
                        f"ADD downloads {remote[0]} with nothing verifying what arrives",
                        "download in a RUN step and check its sha256 (or ADD --checksum=...)",
                    )
                )
            elif not remote and not all(s.lower().endswith(_ARCHIVES) for s in sources):
                findings.append(
                    Finding(add.line, "ADD is used to copy local files", "use COPY instead")
                )
    return findings


def _stage_variables(doc: Dockerfile, stage: Stage) -> dict[str, str]:
    variables = doc.arg_defaults()
    for s in reversed(doc.lineage(stage)):
        for i in s.named("ARG", "ENV"):
            variables.update((k, v) for k, v in _assignments(i) if v)
    return variables


def _assignments(instruction: Instruction) -> list[tuple[str, str]]:
    """(name, value) pairs of ENV or ARG; `ENV NAME value` (old form) is one pair."""
    words = instruction.words()
    if instruction.keyword == "ENV" and words and "=" not in words[0]:
        return [(words[0], " ".join(words[1:]))]
    return [(w.partition("=")[0], w.partition("=")[2]) for w in words]


def _sources(instruction: Instruction) -> list[str]:
    words = instruction.words()
    return words[:-1] if len(words) > 1 else []


def _is_manifest(source: str) -> bool:
    name = source.rstrip("/").rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in _MANIFESTS)


def _installs_later(stage: Stage, instruction: Instruction) -> bool:
    after = [i for i in stage.instructions if i.line > instruction.line]
    return any(i.keyword == "RUN" and _installs_dependencies(i) for i in after)


def _commands(run: Instruction) -> list[list[str]]:
    """The simple commands of a RUN (split at &&, ||, ;, |), each as its words."""
    exec_form = run.exec_form()
    if exec_form is not None:
        return [exec_form]
    lexer = shlex.shlex(run.args.replace("\n", " ; "), posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        tokens = list(lexer)
    except ValueError:
        tokens = run.args.split()
    commands: list[list[str]] = [[]]
    for token in tokens:
        if token and set(token) <= set("&|;()<>"):
            commands.append([])
        else:
            commands[-1].append(token)
    return [_without_assignments(c) for c in commands if c]


def _without_assignments(words: list[str]) -> list[str]:
    index = 0
    while index < len(words) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[index]):
        index += 1
    return words[index:]


def _installs_dependencies(run: Instruction) -> bool:
    return any(_is_dependency_install(words) for words in _commands(run))


def _is_dependency_install(words: list[str]) -> bool:
    # /opt/venv/bin/pip, .venv/bin/python -m pip: the program's name is what counts.
    words = [words[0].rsplit("/", 1)[-1], *words[1:]] if words else words
    if len(words) > 2 and re.fullmatch(r"python[0-9.]*", words[0]) and words[1] == "-m":
        words = words[2:]
    if words[:2] == ["uv", "pip"]:
        words = words[1:]
    if len(words) < 2:
        return False
    tool, action, rest = words[0], words[1], words[2:]
    if tool in ("pip", "pip3") and action in ("install", "wheel", "download"):
        return any(
            w in ("-r", "--requirement")
            or w.startswith("--requirement=")
            or (w.startswith("-r") and not w.startswith("--"))
            for w in rest
        )
    if tool in ("pip", "pip3", "pip-sync") and action == "sync":
        return True
    return (tool, action) in {
        ("uv", "sync"), ("poetry", "install"), ("pipenv", "install"), ("pipenv", "sync"),
        ("pdm", "install"), ("pdm", "sync"),
    } or tool == "pip-sync"  # fmt: skip


def _installed_packages(run: Instruction) -> set[str]:
    """Packages a RUN installs with the system package manager (apt-get, apk, yum, dnf)."""
    out = set()
    for words in _commands(run):
        if not words or words[0] not in _INSTALLERS:
            continue
        actions = [i for i, w in enumerate(words) if w in ("install", "add")]
        if actions:
            rest = words[actions[0] + 1 :]
            out |= {w.split("=")[0] for w in rest if not w.startswith("-")}
    return out
