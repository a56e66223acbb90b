"""JUnit XML, the report CI systems show as test results: gates (``check``) and lint problems.

One ``<testsuite>`` per board. A gate is a test case (fail -> ``<failure>``; error, untrusted,
stale, not run -> ``<error>``; waived or no gate -> ``<skipped>``). A lint error is a failing case
and a warning or note a passing one with the message as its output, so a board's warnings show
without failing the build; a board with no problem at all is one passing case.

The document validates against the Jenkins xUnit plugin's ``junit-10.xsd``, the dialect pytest's
own ``--junitxml`` (xunit2) writes: ``<testsuites>`` carries no ``skipped`` count (each suite
does), and a case's properties (a gate's drift) go into its ``<system-out>``, since a
``<testcase>`` may hold no ``<properties>``. Characters XML 1.0 cannot hold (a command's colour
escapes, say) are written as ``#xNN``, as pytest does, so a CI server can parse the file at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from readiness_tui.core.gates import OK_STATUSES, GateView, redact
from readiness_tui.core.model.problems import Problem


@dataclass
class Case:
    name: str
    classname: str
    outcome: str = "pass"  # pass, failure, error or skipped
    message: str = ""
    kind: str = ""
    text: str = ""
    output: str = ""
    time: float = 0.0
    properties: dict[str, str] = field(default_factory=dict)


def gate_cases(board: Path | str, views: Iterable[GateView]) -> list[Case]:
    classname = Path(board).stem
    cases = []
    for v in views:
        case = Case(f"{v.item_id} {v.title}".strip(), classname, message=v.reason, kind=v.status)
        case.time = v.result.duration_s if v.result else 0.0
        if v.status == "fail":
            case.outcome, case.text = "failure", redact(v.command or "")
        elif v.status in OK_STATUSES and v.status != "pass" or v.status == "no-gate":
            case.outcome = "skipped"
        elif v.status != "pass":
            case.outcome, case.text = "error", redact(v.command or "")
        if v.drift:
            case.properties["drift"] = v.drift
        if v.result and v.result.output:
            case.output = v.result.output
        cases.append(case)
    return cases


def problem_cases(board: str, problems: Iterable[Problem]) -> list[Case]:
    classname = Path(board).stem
    cases = []
    for p in problems:
        where = f"{p.file}:{p.line}" if p.line is not None else p.file
        case = Case(f"{p.code} {where}", classname, message=p.message, kind=p.level)
        if p.level == "error":
            case.outcome, case.text = "failure", p.format()
        else:
            case.output = p.format()
        cases.append(case)
    return cases or [Case(f"lint {board}", classname)]


def junit_xml(suites: Iterable[tuple[str, list[Case]]]) -> bytes:
    """``suites``: (name, cases) pairs, as one ``<testsuites>`` document."""
    root = ET.Element("testsuites", name="readiness")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    time = 0.0
    for name, cases in suites:
        suite = ET.SubElement(root, "testsuite", name=_xml_text(name))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for case in cases:
            counts["tests"] += 1
            _case(suite, case, counts)
        for k, n in counts.items():
            suite.set(k, str(n))
            if k in totals:  # junit-10.xsd counts skipped cases per suite only
                totals[k] += n
        suite_time = sum(c.time for c in cases)
        time += suite_time
        suite.set("time", f"{suite_time:.3f}")
    for k, n in totals.items():
        root.set(k, str(n))
    root.set("time", f"{time:.3f}")
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


_COUNTER = {"failure": "failures", "error": "errors", "skipped": "skipped"}


def _case(suite: ET.Element, case: Case, counts: dict[str, int]) -> None:
    el = ET.SubElement(
        suite, "testcase", classname=_xml_text(case.classname), name=_xml_text(case.name), time=f"{case.time:.3f}"
    )
    if case.outcome in _COUNTER:
        counts[_COUNTER[case.outcome]] += 1
        message = _xml_text(case.message)
        attrs = {"message": message} if case.outcome == "skipped" else {"message": message, "type": case.kind}
        child = ET.SubElement(el, case.outcome, attrs)
        if case.text and case.outcome != "skipped":
            child.text = _xml_text(case.text)
    # A <testcase> may hold no <properties> (junit-10.xsd): they lead its output, one per line.
    lines = [f"{k}: {v}" for k, v in case.properties.items()]
    if case.output:
        lines.append(case.output)
    if lines:
        ET.SubElement(el, "system-out").text = _xml_text("\n".join(lines))


# What XML 1.0 cannot hold at all, even escaped: C0 controls but tab, newline and return, lone
# surrogates, and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"#x{ord(m.group()):02X}", text)
