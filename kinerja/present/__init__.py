"""Presentation shared by pages, CLI and documents: page tables, CLI output, charts, colours, xlsx formats."""
