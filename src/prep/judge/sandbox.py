"""Confine the forked child before it runs a submission. Runs in the child, right after fork.

Layers, cheapest first (costs measured on the CI machine are in shared/notes/judge-facts.md):
  - a new session, so the whole process group can be killed;
  - every inherited descriptor closed except the result pipe; 0, 1, 2 on /dev/null;
  - new network, mount, IPC and UTS namespaces (no network at all), plus a user namespace when
    not root so the rest still works unprivileged;
  - chroot into an empty private directory: no file of the machine is reachable;
  - resource limits: CPU seconds, address space, processes, file size, no core dumps;
  - as root, a dedicated unprivileged uid per judge slot, so the submission cannot signal or
    read anything of the judge, and RLIMIT_NPROC bounds a fork bomb.
What could not be applied is returned, so verdicts and `prep judge info` can say so.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import dataclass

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000

#: First uid of the sandbox range (as IOI's isolate does, a block of otherwise unused uids).
SANDBOX_UID_BASE = 61000


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int
    address_space_bytes: int
    max_processes: int = 32
    max_file_bytes: int = 1 << 20
    max_open_files: int = 64


#: How many slots (and so sandbox uids) may be in use on one machine at once.
SLOT_COUNT = 1000


def sandbox_uid(slot: int) -> int:
    return SANDBOX_UID_BASE + slot


def claim_slot() -> tuple[int, int]:
    """Claim a slot no other judge process on this machine holds: (slot, fd of its lock).

    The lock lives as long as the zygote (the kernel drops it when the process dies), so two
    judges, e.g. parallel test workers, never share a uid and never kill each other's children.
    """
    import fcntl
    import tempfile

    folder = os.path.join(tempfile.gettempdir(), "prep-judge-slots")  # noqa: PTH118
    os.makedirs(folder, mode=0o700, exist_ok=True)  # noqa: PTH103
    for slot in range(SLOT_COUNT):
        fd = os.open(os.path.join(folder, f"{slot}.lock"), os.O_RDWR | os.O_CREAT, 0o600)  # noqa: PTH118
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        return slot, fd
    raise RuntimeError(f"all {SLOT_COUNT} judge slots are in use")


def enter_sandbox(
    workdir: str, keep_fd: int, limits: Limits, slot: int, mounts: tuple[str, ...] = ()
) -> list[str]:
    """Apply every layer that this machine allows; returns the names of those applied.

    `mounts` are host directories made visible, read-only, at the same paths inside the chroot:
    the Python installation, for labs whose checks import libraries (FastAPI, pytest). Without
    namespaces they cannot be mounted, and then the chroot is skipped rather than leaving the
    submission without its interpreter's libraries; the verdict's sandbox list says so.
    """
    applied = []
    os.setsid()
    applied.append("session")
    _isolate_descriptors(keep_fd)
    applied.append("descriptors")
    is_root = os.geteuid() == 0
    namespaces = _unshare(is_root)
    if namespaces:
        applied.append("namespaces")
    confine = True
    if mounts:
        confine = namespaces and _mount_read_only(workdir, mounts)
        if confine:
            applied.append("read-only-python")
    try:
        if not confine:
            raise OSError("no chroot without the mounts")
        os.chroot(workdir)
        os.chdir("/")
        applied.append("chroot")
    except OSError:
        os.chdir(workdir)
    _set_limits(limits)
    applied.append("rlimits")
    if is_root:
        uid = sandbox_uid(slot)
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        applied.append("uid")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead of killing
    os.environ.clear()
    return applied


MS_RDONLY = 0x1
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000


def _mount_read_only(workdir: str, mounts: tuple[str, ...]) -> bool:
    """Bind each host directory read-only at the same path under `workdir` (in the child's
    private mount namespace: nothing propagates back), plus /dev/null and a writable /tmp."""
    libc = ctypes.CDLL(None, use_errno=True)

    def mount(source: str | None, target: str, flags: int) -> bool:
        encode = None if source is None else source.encode()
        return bool(libc.mount(encode, target.encode(), None, flags, None) == 0)

    if not mount(None, "/", MS_REC | MS_PRIVATE):
        return False
    for source in mounts:
        target = workdir + source
        os.makedirs(target, exist_ok=True)  # noqa: PTH103
        if not mount(source, target, MS_BIND | MS_REC):
            return False
        mount(None, target, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC)
    for link, to in (("lib", "usr/lib"), ("lib64", "usr/lib64"), ("bin", "usr/bin")):
        if os.path.islink("/" + link) and not os.path.lexists(f"{workdir}/{link}"):  # noqa: PTH114
            os.symlink(to, f"{workdir}/{link}")  # noqa: PTH211
    os.makedirs(f"{workdir}/dev", exist_ok=True)  # noqa: PTH103
    with open(f"{workdir}/dev/null", "w"):  # noqa: PTH123
        pass
    mount("/dev/null", f"{workdir}/dev/null", MS_BIND)
    os.makedirs(f"{workdir}/tmp", exist_ok=True)  # noqa: PTH103
    os.chmod(f"{workdir}/tmp", 0o1777)  # noqa: PTH101
    return True


def _isolate_descriptors(keep_fd: int) -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    max_fd = os.sysconf("SC_OPEN_MAX")
    os.closerange(3, keep_fd)
    os.closerange(keep_fd + 1, max_fd if max_fd > 0 else 4096)


def _unshare(is_root: bool) -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    flags = CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS
    if not is_root:
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(flags | CLONE_NEWUSER) != 0:
            return False
        try:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"0 {uid} 1")
            _write("/proc/self/gid_map", f"0 {gid} 1")
        except OSError:
            return False
        return True
    return bool(libc.unshare(flags) == 0)


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:  # noqa: PTH123 - runs before the chroot, plain and small
        fh.write(text)


def _set_limits(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (limits.address_space_bytes, limits.address_space_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_file_bytes, limits.max_file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files, limits.max_open_files))
    if os.geteuid() == 0:
        # Binds only once the uid is dropped; unprivileged, the count would include every
        # process the user runs, so it is left to the namespaces and the kill-on-exit.
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_processes, limits.max_processes))


def kill_slot_processes(slot: int) -> None:
    """As root: SIGKILL every process of the slot's uid (anything the submission left behind,
    even if it left the process group). Runs in a short-lived fork that takes that uid."""
    if os.geteuid() != 0:
        return
    pid = os.fork()
    if pid == 0:
        try:
            uid = sandbox_uid(slot)
            os.setgid(uid)
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
