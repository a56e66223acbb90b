"""Numbered feature headings that count from 1 again under each group of a theme, in a plan of work (issue 43)."""

from __future__ import annotations

from .import_plan import imported

ROADMAP = """# Clinic System - Enhancement Roadmap

## Security Enhancements

### Critical Security Improvements

#### 1. Multi-Factor Authentication

- **Implementation**: SMS OTP, TOTP
- **Benefits**: account security

#### 2. OAuth2 Integration

- **Providers**: Google, Azure AD

### Monitoring & Compliance

#### 1. Audit Logging

- **Features**:
  - every data access
  - system changes

#### 2. Encryption at Rest

- **Implementation**: AES-256

## Mobile

### Apps

#### 1. Progressive Web App

- **Features**: offline use

#### 2. Native Apps

- **Platforms**: iOS, Android

### Offline

#### 1. Local Cache

- **Storage**: IndexedDB

#### 2. Sync Queue

- **Retries**: three
"""


def test_each_group_s_numbered_headings_are_items_with_ids_kept_apart() -> None:
    lines, items = imported(ROADMAP)
    assert [(rid, i.title) for rid, i in items.items()] == [
        ("1", "Multi-Factor Authentication"),
        ("2", "OAuth2 Integration"),
        ("MC-1", "Audit Logging"),
        ("MC-2", "Encryption at Rest"),
        ("A-1", "Progressive Web App"),
        ("A-2", "Native Apps"),
        ("O-1", "Local Cache"),
        ("O-2", "Sync Queue"),
    ]
    # The labelled facts under each are what it is, not work of their own.
    assert items["1"].custom == {"implementation": "SMS OTP, TOTP", "benefits": "account security"}
    assert "every data access" in items["MC-1"].description
    assert "ticket section 'MC-1' -> item" in "\n".join(lines)


def test_right_under_the_title_numbered_notes_beside_numbered_features_stay_text() -> None:
    plan = """# Tasks board - roadmap

## Design notes

### 1. Storage

Tasks stay in the files they come from.

### 2. Rendering

The board redraws the lane that changed.

## Platform

### 1. Sync

- **Scope**: two clones
"""
    _, items = imported(plan)
    assert items == {}


def test_numbered_headings_that_group_their_work_are_not_the_items() -> None:
    plan = ROADMAP.replace(
        "- **Features**:\n  - every data access\n", "- **Access log** - ✅ Complete\n  - every data access\n"
    )
    _, items = imported(plan)
    assert "Audit Logging" not in {i.title for i in items.values()}
    assert "O-1" in items  # the other themes' features are still read


def test_outside_a_plan_of_work_the_groups_number_a_document() -> None:
    plan = ROADMAP.replace("# Clinic System - Enhancement Roadmap", "# Clinic System - Architecture")
    _, items = imported(plan)
    assert "MC-1" not in items
