"""The bundled demo news world: local publishers served on 127.0.0.1 for `newsbot demo`,
the crawl tests and the throughput benchmark. Start with ``newsbot.demo.site``."""
