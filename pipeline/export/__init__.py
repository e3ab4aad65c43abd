"""Writers for every output format (tables, graph files, argument-map files).
"""
