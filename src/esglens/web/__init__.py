"""The web app and REST API over the library (``esglens serve``); see :func:`esglens.web.app.create_app`."""
