"""Docker Compose rules: health-gated startup, secrets, data volumes, service networking."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prep.labs.config_rules.base import ConfigError, Finding, parser, rule
from prep.labs.config_rules.images import unpinned
from prep.labs.config_rules.secret_values import secret_in_value, secret_literal
from prep.labs.config_rules.yaml_tree import Node, load_documents

#: Image name -> the directories its data lives in (a mount there, or above, keeps it).
DATA_DIRS = {
    "postgres": ("/var/lib/postgresql/data", "/var/lib/postgresql"),
    "mysql": ("/var/lib/mysql",), "mariadb": ("/var/lib/mysql",), "mongo": ("/data/db",),
    "redis": ("/data",), "valkey": ("/data",), "rabbitmq": ("/var/lib/rabbitmq",),
}  # fmt: skip
_URL = re.compile(r"[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(\[[^\]]*\]|[^:/\s?#]+)", re.IGNORECASE)
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "0.0.0.0"})


@dataclass(frozen=True)
class Service:
    name: str
    node: Node
    line: int

    @property
    def image_name(self) -> str:
        """`postgres` for `docker.io/library/postgres:16-alpine`."""
        image = self.node.text_at("image") or ""
        return image.split("@")[0].rsplit("/", 1)[-1].split(":")[0]

    def environment(self) -> list[tuple[str, str | None, int]]:
        """(name, value or None when passed through from the host, line)."""
        env = self.node.get("environment")
        if env is None:
            return []
        if env.is_map:
            return [(k, v.text(), v.line) for k, v in env.entries()]
        out = []
        for item in env.items():
            name, eq, value = (item.text() or "").partition("=")
            out.append((name, value if eq else None, item.line))
        return out

    def depends_on(self) -> list[tuple[str, str | None, int]]:
        """(service, condition or None for the short list form, line)."""
        deps = self.node.get("depends_on")
        if deps is None:
            return []
        if deps.is_map:
            return [
                (k, v.text_at("condition") or "service_started", v.line) for k, v in deps.entries()
            ]
        return [(t, None, item.line) for item in deps.items() if (t := item.text())]


@dataclass(frozen=True)
class ComposeFile:
    root: Node
    services: dict[str, Service]


@parser("compose")
def parse_compose(text: str) -> ComposeFile:
    documents = [d for d in load_documents(text) if d is not None]
    if len(documents) != 1 or not documents[0].is_map:
        raise ConfigError(1, "a compose file is one YAML mapping with a services: key")
    root = documents[0]
    services = root.get("services")
    if services is None or not services.is_map or not services.entries():
        raise ConfigError(root.key_line("services"), "the file defines no services")
    return ComposeFile(
        root, {n: Service(n, node, services.key_line(n)) for n, node in services.entries()}
    )


@rule(
    "compose.healthchecks",
    "compose",
    "every long-running service declares a healthcheck",
    """Compose only knows whether a container is running, not whether the database inside it
    accepts connections or the API answers. A healthcheck (pg_isready, redis-cli ping, an HTTP
    probe) gives each service a health state, which depends_on conditions, `docker compose ps`
    and restart tooling can act on. One-shot jobs that others wait on with
    service_completed_successfully need none. The check must be declared here: the rule cannot
    see inside images.""",
)
def _healthchecks(doc: ComposeFile) -> list[Finding]:
    one_shot = {
        dep
        for service in doc.services.values()
        for dep, condition, _ in service.depends_on()
        if condition == "service_completed_successfully"
    }
    return [
        Finding(
            service.line,
            f"service {service.name} has no healthcheck",
            "add healthcheck: test: [...] (pg_isready, redis-cli ping, an HTTP probe); a "
            "one-shot job needs none if dependents wait with service_completed_successfully",
        )
        for service in doc.services.values()
        if service.name not in one_shot and not _has_healthcheck(service)
    ]


def _has_healthcheck(service: Service) -> bool:
    check = service.node.get("healthcheck")
    if check is None or check.text_at("disable") == "true":
        return False
    test = check.get("test")
    return test is not None and test.texts()[:1] != ["NONE"] and bool(test.texts())


@rule(
    "compose.depends-healthy",
    "compose",
    "depends_on waits for dependencies to be healthy (or, for one-shot jobs, to complete)",
    """The short form `depends_on: [db]` only orders container start: the API starts while
    Postgres is still initialising, fails its first connection and crashes or serves errors.
    The long form with condition: service_healthy makes Compose wait for the dependency's
    healthcheck to pass, and service_completed_successfully waits for a migration job to
    finish. A service_healthy condition on a service with no healthcheck never comes true.""",
)
def _depends_healthy(doc: ComposeFile) -> list[Finding]:
    findings = []
    for service in doc.services.values():
        for dep, condition, line in service.depends_on():
            target = doc.services.get(dep)
            if target is None:
                findings.append(
                    Finding(
                        line,
                        f"{service.name} depends on {dep!r}, which is not a service",
                        "fix the name",
                    )
                )
            elif condition is None or condition == "service_started":
                findings.append(
                    Finding(
                        line,
                        f"{service.name} waits only for {dep} to start, not to be ready",
                        f"use depends_on: {{{dep}: {{condition: service_healthy}}}} "
                        "(service_completed_successfully for a one-shot job)",
                    )
                )
            elif condition == "service_healthy" and not _has_healthcheck(target):
                findings.append(
                    Finding(
                        line,
                        f"{service.name} waits for {dep} to be healthy, but {dep} has no "
                        "healthcheck",
                        f"give {dep} a healthcheck",
                    )
                )
    return findings


@rule(
    "compose.no-literal-secrets",
    "compose",
    "passwords and tokens are not written into the compose file",
    """A compose file is committed with the code, so a password in environment: is shared
    with everyone who can read the repository and stays in its history. Take the value from
    the shell or an untracked .env file with ${VAR} (${VAR:?message} makes a missing one an
    error), or use Compose secrets, which are mounted as files under /run/secrets.""",
)
def _no_literal_secrets(doc: ComposeFile) -> list[Finding]:
    findings = []
    for service in doc.services.values():
        pairs = service.environment()
        args = service.node.at("build", "args")
        if args is not None:
            pairs += [(k, v.text(), v.line) for k, v in args.entries()]
        for name, value, line in pairs:
            if not value:
                continue
            held = secret_in_value(value)
            if secret_literal(name, value) and "$" not in value:
                held = held or "a secret written as a literal"
            if held:
                findings.append(
                    Finding(
                        line,
                        f"{name} of service {service.name} holds {held}",
                        "use ${" + name + ":?set it in .env} or a compose secret",
                    )
                )
    return findings


@rule(
    "compose.named-volumes",
    "compose",
    "datastores keep their data in a declared named volume",
    """A container's writable layer disappears with the container, so a database without a
    volume loses everything on `docker compose down`. A named volume (declared under the
    top-level volumes:) is managed by Docker, survives re-creation and is easy to back up;
    a bind mount of ./data ties the data to one checkout and to host file permissions. Every
    named volume a service uses must also be declared, or Compose refuses the file.""",
)
def _named_volumes(doc: ComposeFile) -> list[Finding]:
    declared = {name for name, _ in (doc.root.get("volumes") or Node({}, 0)).entries()}
    findings = []
    for service in doc.services.values():
        mounts = [_mount(m) for m in (service.node.get("volumes") or Node([], 0)).items()]
        for source, _, line in mounts:
            if source and not _is_host_path(source) and source not in declared:
                findings.append(
                    Finding(
                        line,
                        f"service {service.name} mounts volume {source!r}, which the top-level "
                        "volumes: does not declare",
                        f"declare it: volumes: {{{source}: {{}}}}",
                    )
                )
        data_dirs = DATA_DIRS.get(service.image_name)
        if data_dirs is None:
            continue
        covering = [(s, t, ln) for s, t, ln in mounts if any(_covers(t, d) for d in data_dirs)]
        if not covering:
            findings.append(
                Finding(
                    service.line,
                    f"service {service.name} keeps its data ({data_dirs[0]}) in the container",
                    "mount a named volume there, declared under the top-level volumes:",
                )
            )
        for source, target, line in covering:
            if not source or _is_host_path(source):
                kind = "an anonymous volume" if not source else f"the host path {source}"
                findings.append(
                    Finding(
                        line,
                        f"service {service.name} keeps {target} in {kind}",
                        "use a named volume declared under the top-level volumes:",
                    )
                )
    return findings


def _mount(item: Node) -> tuple[str, str, int]:
    """(source, target, line) of a short (`src:dst:ro`) or long-form volume entry."""
    if item.is_map:
        return item.text_at("source") or "", item.text_at("target") or "", item.line
    parts = (item.text() or "").split(":")
    if len(parts) == 1:
        return "", parts[0], item.line
    return parts[0], parts[1], item.line


def _is_host_path(source: str) -> bool:
    return source.startswith(("/", ".", "~", "$"))


def _covers(target: str, directory: str) -> bool:
    target = target.rstrip("/")
    return bool(target) and (directory == target or directory.startswith(target + "/"))


@rule(
    "compose.service-hostnames",
    "compose",
    "services reach each other by service name, never by localhost",
    """Each service runs in its own container with its own network namespace: inside the API
    container, localhost is the API container, so DATABASE_URL=...@localhost:5432 connects
    to nothing. On the Compose network every service is reachable under its service name
    (db, redis), which Docker's embedded DNS resolves. A single-label host that is not a
    service (or one of its aliases) will not resolve either.""",
)
def _service_hostnames(doc: ComposeFile) -> list[Finding]:
    names = set(doc.services)
    for service in doc.services.values():
        names |= {t for key in ("hostname", "container_name") if (t := service.node.text_at(key))}
        for _, network in (service.node.get("networks") or Node({}, 0)).entries():
            names |= set((network.get("aliases") or Node([], 0)).texts())
    findings = []
    for service in doc.services.values():
        for name, value, line in service.environment():
            for match in _URL.finditer(value or ""):
                host = match.group(1).lower()
                if host in _LOCAL_HOSTS:
                    findings.append(
                        Finding(
                            line,
                            f"{name} of service {service.name} points at {host}, which inside "
                            "the container is the container itself",
                            "use the service name as the host (e.g. db)",
                        )
                    )
                elif "." not in host and "$" not in host and host not in names:
                    findings.append(
                        Finding(
                            line,
                            f"{name} of service {service.name} points at host {host!r}, which "
                            "is no service of this file",
                            f"use one of the service names: {', '.join(sorted(doc.services))}",
                        )
                    )
    return findings


@rule(
    "compose.private-datastores",
    "compose",
    "databases and caches are not published on the host's network interfaces",
    """The API reaches Postgres over the Compose network; nothing outside needs to. Publishing
    5432:5432 opens the database on every interface of the host, and Docker's port publishing
    bypasses host firewalls such as ufw, so a dev password becomes reachable from the
    network. Leave datastores unpublished, or bind them to 127.0.0.1 for local tools.""",
)
def _private_datastores(doc: ComposeFile) -> list[Finding]:
    findings = []
    for service in doc.services.values():
        if service.image_name not in DATA_DIRS:
            continue
        for port in (service.node.get("ports") or Node([], 0)).items():
            host_ip = port.text_at("host_ip") if port.is_map else None
            text = port.text() or ""
            if host_ip in ("127.0.0.1", "::1") or text.startswith(("127.0.0.1:", "[::1]:")):
                continue
            findings.append(
                Finding(
                    port.line,
                    f"datastore {service.name} publishes port {text or port.text_at('target')} "
                    "on every host interface",
                    "remove ports: (services reach it by name) or bind to 127.0.0.1",
                )
            )
    return findings


@rule(
    "compose.pinned-images",
    "compose",
    "every image has a version tag (not latest) or a digest",
    """`postgres` without a tag pulls whatever is newest the day a teammate first runs the
    stack, and a new major version of a database cannot read the previous one's data
    directory. Pinning the major version (postgres:16) keeps every machine on the same
    release and makes upgrades deliberate.""",
)
def _pinned_images(doc: ComposeFile) -> list[Finding]:
    findings = []
    for service in doc.services.values():
        image = service.node.text_at("image")
        if image is None:
            continue
        problem = unpinned(image)
        if problem:
            findings.append(
                Finding(
                    service.node.key_line("image"),
                    f"service {service.name}: the image {problem}",
                    "pin a version tag (postgres:16) or a digest",
                )
            )
    return findings
