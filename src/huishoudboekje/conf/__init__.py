"""Settings, URL routing and WSGI entry point."""
