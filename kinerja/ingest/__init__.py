"""From a unit's file to a written import: cells, headers, reader, plan, checks, write, upload, marked copy."""
