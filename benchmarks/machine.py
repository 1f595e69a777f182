"""The machine a benchmark ran on, printed above its figures so numbers are never quoted bare."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

# The packages whose speed the figures mostly measure.
CORE_PACKAGES = ("scrapy", "pythainlp", "spacy", "trafilatura", "duckdb", "prefect")


@dataclass(frozen=True)
class MachineInfo:
    cpu: str
    cores: int
    ram_gib: float | None
    os: str
    python: str
    packages: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return "\n".join(
            [
                f"machine:  {self.cpu}, {self.cores} cores, {self.ram_gib} GiB RAM, {self.os}",
                f"python:   {self.python}",
                "packages: " + ", ".join(f"{name} {version}" for name, version in self.packages.items()),
            ]
        )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _usable_cores() -> int:
    # A container may be limited to fewer cores than the host reports.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_info() -> MachineInfo:
    """CPU model, usable cores, RAM, OS, Python and the core packages' versions."""
    return MachineInfo(
        cpu=_cpu_model(),
        cores=_usable_cores(),
        ram_gib=_ram_gib(),
        os=f"{platform.system()} {platform.release()}",
        python=f"{platform.python_implementation()} {sys.version.split()[0]}",
        packages={name: _version(name) for name in CORE_PACKAGES},
    )
