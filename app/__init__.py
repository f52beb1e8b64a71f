"""The product. Its factory is ``app.factory.create_app``, the table of
contents of the web app; this file imports nothing, so that importing one
module of the package (the ``flask analyze`` command does) does not build the
whole app, its models, pandas and the PDF renderer first."""
