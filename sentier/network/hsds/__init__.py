"""The directory as an Open Referral HSDS 3.1 tabular datapackage: export, validate, import.

A datapackage is a folder (or a zip of it) holding ``datapackage.json`` and one CSV per HSDS
table. Each row is validated against the table's HSDS 3.1 JSON schema (vendored in
``schema/``, see its README): its scalar properties, with the table's ``required`` and
``tabular_required`` fields (in the tabular form, links are ``*_id`` columns).

How Sentier's rows map to HSDS:

- ``Organization`` → ``organization`` (uuid as id; non-profit → ``tax_status``), its slug an
  ``organization_identifier`` (type ``sentier-slug``), its phone a ``phone`` row;
- ``Location`` → ``location`` (physical; the region code as ``external_identifier`` of type
  ``sentier-region``; the city as name; points of service as published in ``description``);
- ``Service`` → ``service``; its regions → ``service_area`` (``uri`` ``urn:sentier:region:13``,
  or ``urn:sentier:province:QC`` when it serves all of Québec);
  its languages → ``language``; its points of service → ``service_at_location``;
- kind, target clienteles, RSSMO membership, waiting-list length and the number of points of
  service → ``attribute`` rows linking to ``taxonomy_term`` rows of Sentier's taxonomies;
- capacity → ``service_capacity`` with its ``unit``; the estimated wait → ``service.wait_time``
  as an ISO 8601 duration (``P42D``).

Ids that Sentier does not store (terms, phones, attributes…) are UUID 5 of a stable key, so an
export of the same data always gives the same files.

Text that a spreadsheet would run as a formula is written with an apostrophe before it and read
back without it (:mod:`sentier.core.spreadsheets`): the CSVs are opened by people too.
"""
