// Where vplan archive files versions unless --archive says otherwise; a module of its own so that the
// command line can name it without loading the archive's code.
import path from 'node:path';

export const DEFAULT_ARCHIVE_DIR = path.join('output', 'archive');
