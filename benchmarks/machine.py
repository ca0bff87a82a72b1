"""Describe the machine a benchmark ran on, so figures can be compared fairly."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = ("ivp", "spacy", "pdfminer.six", "pydantic", "python-docx", "click", "rapidfuzz")


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's processor string."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def versions() -> dict[str, str]:
    """Installed versions of the packages that decide the speed."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def describe() -> list[str]:
    """Markdown bullet lines: cores, CPU, OS, Python and package versions."""
    packages = ", ".join(f"{name} {version}" for name, version in versions().items())
    return [
        f"- nproc: {os.cpu_count()}",
        f"- CPU: {cpu_model()}",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"- packages: {packages}",
    ]
