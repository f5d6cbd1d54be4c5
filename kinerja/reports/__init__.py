"""Documents for the evaluation stage: SOP template, E.81 and Bab III tables, workbook, LKjIP draft, long format."""
