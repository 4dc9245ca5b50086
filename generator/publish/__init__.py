"""Publication (Wet open overheid): what was decided, for the public.

`publication.publish(map_, out, basis_url, uitgever, search_path)` writes, for
every decided, intact, public proposal in a folder, its final PDF/A and DiWoo
metadata, each meeting's besluitenlijst, the sitemaps open.overheid.nl harvests
and the decisions as open data. `select` decides what may be published,
`documents` what is known of a published proposal, `diwoo` the metadata and
its schema, `sitemap`, `opendata` and `meetings` the other files, `state` what
an earlier publication made, so only what changed is made again.
"""
