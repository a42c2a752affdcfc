"""The read log (verwerkingenlog, Logboek Dataverwerkingen): which staff member opened
which participant's personal data, when, for which processing activity. Append-only;
teamleider and auditor can search and export it."""
