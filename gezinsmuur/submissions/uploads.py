"""A byte cap that holds while the upload streams in.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE ignores file parts, so without this handler a 30 MiB photo
would be written to disk in full before any check.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload


class ByteCapUploadHandler(FileUploadHandler):
    """Counts file bytes and stops at `UPLOAD_MAX_BYTES`; marks the request so the view can say why."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # type: ignore[no-untyped-def]  # noqa: N803
        self.request_length = content_length or 0

    def new_file(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            self.request.upload_too_large = True  # type: ignore[union-attr]
            # A body far over the cap is cut off; a photo a little too big is skipped and read to the
            # end, so the visitor's message and choices come back with the error.
            if self.request_length > 4 * settings.UPLOAD_MAX_BYTES:
                raise StopUpload(connection_reset=True)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
