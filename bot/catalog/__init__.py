"""The service catalog: what each service needs, costs and takes, and where to go.

Facts that do not depend on language (fees, durations, phones, hours) live once in
`services.yml`; texts live in one file per language with the same keys.
"""

from bot.catalog.loader import load_catalog
from bot.catalog.models import SERVICE_IDS, TOPICS, Catalog, LocalizedCatalog

__all__ = ["Catalog", "LocalizedCatalog", "SERVICE_IDS", "TOPICS", "load_catalog"]
