"""The directive importer and quick task entry behind ``danvan_app.api.directives``: reading the text,
matching units, finding or creating the directive, and checking and inserting the tasks."""
