"""The two install paths (pip and conda) name the same packages at the same versions."""

import re

from analysis.config import ROOT


def pins(path, pattern):
    return dict(re.findall(pattern, path.read_text(encoding="utf-8"), flags=re.MULTILINE))


def test_environment_yml_pins_what_requirements_in_pins():
    pip_pins = pins(ROOT / "requirements.in", r"^([A-Za-z0-9_.-]+)==(\S+)$")
    conda = pins(ROOT / "environment.yml", r"^\s+- ([A-Za-z0-9_.-]+)=(\d\S*)$")
    conda |= pins(ROOT / "environment.yml", r"^\s+- ([A-Za-z0-9_.-]+)==(\S+)$")
    conda.pop("python")
    assert conda == pip_pins


def test_the_lock_file_agrees_with_every_direct_pin():
    direct = pins(ROOT / "requirements.in", r"^([A-Za-z0-9_.-]+)==(\S+)$")
    locked = {k.lower(): v for k, v in pins(ROOT / "requirements.txt", r"^([A-Za-z0-9_.-]+)==(\S+)$").items()}
    assert {name: locked.get(name.lower()) for name in direct} == direct


def test_environment_yml_asks_for_python_3_11():
    assert "  - python=3.11\n" in (ROOT / "environment.yml").read_text(encoding="utf-8")
