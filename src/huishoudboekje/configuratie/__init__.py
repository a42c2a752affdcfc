"""The municipality's own settings: its bank accounts, alert margins, buffer and
leefgeld defaults. Stored in the database, seeded from YAML by `hhb laad-configuratie`."""
