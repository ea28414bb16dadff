"""quotetrack: who said what, credited to whom, in Bulgarian news."""
from .errors import InputError, QuotetrackError, RulesError, StoreError
from .extract import extract_article, extract_text
from .models import Article, Extraction, Quote
from .rules import RuleSet, load_rules

__all__ = [
    "Article", "Extraction", "InputError", "Quote", "QuotetrackError", "RuleSet", "RulesError",
    "StoreError", "extract_article", "extract_text", "load_rules",
]
__version__ = "0.1.0"
