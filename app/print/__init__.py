"""Printed forms and ledgers (ReportLab): the child's file, visit forms, the monthly ledger,
the screening summary and the mandatory-report record. `app.print.documents.render()` is the
one entry point the command line and the UI use; layout code takes plain data from `sources`.
"""
