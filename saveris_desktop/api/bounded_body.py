"""Read an answer's body with a cap on its decoded size, decompressing in small steps.

httpx's own `response.read()` keeps whatever arrives: a 300 MB answer cost 900 MB of memory on the
way to JSON, and a 1 MB gzip bomb inflated to 3 GB, because its decoder inflates each received chunk
in one go. Here the raw bytes are inflated at most `PIECE` bytes at a time and reading stops as soon
as the decoded body passes the cap, so memory stays near the cap however large or compressed the
answer claims or turns out to be.

Only `gzip`, `deflate` and `identity` are understood; the session asks for exactly these
(`ACCEPT_ENCODING`), so a server sending anything else sent something the app cannot read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

#: What the session tells servers it can decode (httpx would add br/zstd if those packages appear).
ACCEPT_ENCODING = "gzip, deflate"

#: Largest piece inflated in one step: bounds the memory a highly compressed chunk can take.
PIECE = 256 * 1024


class BodyTooLargeError(Exception):
    """The decoded body is larger than the cap; `limit` is the cap in bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer is larger than {limit} bytes")
        self.limit = limit


class _Inflater:
    """gzip or deflate, fed raw chunks, yielding decoded pieces of at most PIECE bytes."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._fresh = True
        self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._decoder.eof:
            try:
                piece = self._decoder.decompress(data, PIECE)
            except zlib.error:
                if self._gzip or not self._fresh:
                    raise
                # "deflate" is sent both zlib-wrapped (as specified) and raw (as IIS did): try raw.
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                self._fresh = False
                continue
            self._fresh = False
            yield piece
            data = self._decoder.unconsumed_tail

    def finish(self) -> bytes:
        return self._decoder.flush()


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The decoded body of a streamed `response`, or BodyTooLargeError once it passes `limit` bytes.

    Raises httpx.DecodingError for a content encoding the app does not know or a broken stream.
    The caller closes the response.
    """
    try:
        already = response.content  # a transport may hand over an answer it has read (MockTransport)
    except httpx.ResponseNotRead:
        pass
    else:
        if len(already) > limit:
            raise BodyTooLargeError(limit)
        return already
    encodings = [
        token.strip().lower()
        for token in response.headers.get("Content-Encoding", "").split(",")
        if token.strip() and token.strip().lower() != "identity"
    ]
    unknown = [e for e in encodings if e not in ("gzip", "x-gzip", "deflate")]
    if unknown or len(encodings) > 1:
        raise httpx.DecodingError(
            f"unsupported content encoding {', '.join(encodings)}", request=response.request
        )
    declared = response.headers.get("Content-Length", "")
    if not encodings and declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(limit)  # refused before a byte is read
    inflater = _Inflater(encodings[0]) if encodings else None
    body = bytearray()

    def keep(piece: bytes) -> None:
        if len(body) + len(piece) > limit:
            raise BodyTooLargeError(limit)
        body.extend(piece)

    try:
        async for chunk in response.aiter_raw():
            if inflater is None:
                keep(chunk)
                continue
            for piece in inflater.feed(chunk):
                keep(piece)
        if inflater is not None:
            keep(inflater.finish())
    except zlib.error as error:
        raise httpx.DecodingError(
            f"broken {encodings[0]} stream: {error}", request=response.request
        ) from None
    return bytes(body)
