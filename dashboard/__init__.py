"""Sociaal Werk in Cijfers: the small library behind the Streamlit pages."""

import pandas as pd

# Text columns as Python strings rather than pyarrow arrays. Our frames are small (tens to a few
# thousand rows), and pandas on pyarrow-backed text pays a pyarrow call per column for every
# filter, column lookup and copy: 2-3x slower on these frames, and a quarter of a chart page's
# rerun CPU in a py-spy profile (the #20 note). Same values, same "str" dtype semantics.
pd.set_option("mode.string_storage", "python")
