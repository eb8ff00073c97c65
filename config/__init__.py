"""Settings, URLs, middleware and the health check.

``config.urls`` routes every area, so it may import all product packages but
``perf``; nothing but ``perf`` imports it.
"""
