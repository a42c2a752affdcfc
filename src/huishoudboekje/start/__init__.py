"""The start page: key figures of the domain apps. It sits above them (it reads their
models) so that `ui` stays infrastructure that imports no domain app."""
