"""The county sync server: enrolment, per-device authentication, the county change log and scoped pulls.

`app.server.service` holds plain functions (enrol, apply a push, changes since a cursor) that the
HTTP routes (`app.server.api`) and the USB bundle import/export both call.
"""
