// Module Ingest: see DESIGN.md for its job. Types live one per file beside this one.
