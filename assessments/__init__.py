"""The method as data and pure logic.

Nothing in this package imports Flask, a Flask extension or SQLAlchemy: it takes
plain values and returns plain values, so that it can be tested in milliseconds
and reused by the web views, the CLI and the reports alike.
"""
