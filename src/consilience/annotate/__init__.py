"""Annotators: sentences, entities, dates, quantities, attributions, language.

Every annotation is a character span into the article's cleaned text. Heavy resources (the spaCy
model, the gazetteer, the language detector) load in ``initialize`` steps, never at import.
"""
