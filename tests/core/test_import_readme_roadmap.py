"""A product README with a roadmap section: its roadmap is the work, its other lists describe the product
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

README = """# {title}

## Key Features

### Site Management Dashboard
- **Patient Enrollment Tracking:** Real-time visibility into enrollment
- **Visit Scheduling:** Automated scheduling with conflict detection

## Technical Architecture

### Backend Infrastructure
- **API:** Node.js with Express
- **Database:** PostgreSQL

## Version History & Roadmap

### v1.0 - Core Platform
- ✅ Site dashboard
- ✅ Visit scheduling

### v2.0 - Analytics
- 🚧 Predictive enrollment model
- 🚧 Anomaly detection
"""


def test_only_the_roadmap_of_a_product_readme_is_work() -> None:
    report, items = imported(README.format(title="Clinical Trial Management Platform"))
    assert [i.title for i in items.values()] == [
        "Site dashboard",
        "Visit scheduling",
        "Predictive enrollment model",
        "Anomaly detection",
    ]
    assert [i.status for i in items.values()] == ["done", "done", "in_progress", "in_progress"]


def test_a_document_titled_as_a_roadmap_is_the_plan_throughout() -> None:
    _, items = imported(README.format(title="Platform Roadmap"))
    assert {"Visit Scheduling", "Database", "Anomaly detection"} <= {i.title for i in items.values()}
