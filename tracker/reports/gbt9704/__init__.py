"""GB/T 9704-2012 page pieces shared by every 公文-like document (催报函, 通报).

- ``frame``: the A4 page, the 156 × 225 mm type area and its 22 × 28 grid, page numbers,
  red rules, the 样稿 mark.
- ``titles``: balanced title lines broken only between words (jieba plus the caller's words).
- ``body``: paragraphs set on the grid, tracking adjusted so no last line holds one character.
- ``pages``: lines placed on pages with widow/orphan control and keep-with-next chains.
"""
