"""What readiness prints and writes for people and tools: JSON documents, exports (JSON, Markdown,
Mermaid, dot, CSV, HTML), JUnit, CI annotations, the weekly report and item views."""
