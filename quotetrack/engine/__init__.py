"""The extraction engine: pure functions of (text, rules), from an article's text to its
statements; nothing here reads files, prints or stores. Data flows one way:

    text.py (layout, sentences, tokens) -> doc.py (the article object: cues, marks, media)
    -> words.py, adverbials.py, phrases.py (what a word, an adverbial, a speaker's phrase is)
    -> clauses.py, outlets.py (who a reporting clause credits, and through which medium)
    -> directs.py, reported.py (statements, collected in found.py)
    -> entities.py, resolve.py (speakers) and credits.py (the article's agency)
    -> extract.py (the pipeline and its records)
"""
