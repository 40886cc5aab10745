"""The engine of a region's site on sheltered housing and social shelter, as the MkDocs
plugin ``regio`` (:mod:`regio_engine.plugin`)."""
