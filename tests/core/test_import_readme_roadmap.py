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


def test_a_readme_with_a_breakdown_of_tasks_reads_that_and_its_user_stories_only() -> None:
    md = (
        "# PROJECT TITLE: Where's my Veggie?\n\n# USER STORY:\n\n- When I open the app, I can insert a bio\n\n"
        "# APIs TO BE USED:\n\n- 2 x Google Maps\n- Location IQ\n\n# ROUGH BREAKDOWN OF TASKS:\n\n"
        "- Google maps API\n- Contact Us page\n\n# LINKS:\n\n- Website URL\n- Git Hub Repository\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == [
        "When I open the app, I can insert a bio",
        "Google maps API",
        "Contact Us page",
    ]
