// File-system errors in the archive as one Swedish message naming the path and what to do: never a
// raw Node error, never a retry.
import { VplanError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'vplan har inte behörighet',
  EPERM: 'åtgärden är inte tillåten',
  EROFS: 'filsystemet är skrivskyddat',
  ENOSPC: 'disken är full',
  EDQUOT: 'diskkvoten är slut',
  ENOENT: 'finns inte',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
  EISDIR: 'är en mapp',
  EEXIST: 'finns redan',
  ENOTEMPTY: 'finns redan',
  EIO: 'läsfel på disken',
  EMFILE: 'för många öppna filer',
  ENAMETOOLONG: 'sökvägen är för lång',
};

const HINTS: Record<string, string> = {
  // The archive folder and its dnr folders: a filed version is never to be made writable (vplan never writes there).
  EACCES: 'Ge ditt konto skrivbehörighet till arkivets mapp och dnr-mappen (aldrig till en arkiverad version v1, v2 …), eller välj en annan arkivmapp med --archive.',
  EPERM: 'Ge ditt konto skrivbehörighet till arkivets mapp och dnr-mappen (aldrig till en arkiverad version v1, v2 …), eller välj en annan arkivmapp med --archive.',
  EROFS: 'Välj en arkivmapp på en skrivbar disk med --archive.',
  ENOSPC: 'Frigör utrymme på disken och försök igen.',
  EDQUOT: 'Frigör utrymme på disken och försök igen.',
  ENOTDIR: 'Välj en mapp med --archive.',
};

/** The error as a VplanError: "Arkivet: kunde inte <doing> <file>: <reason>." A VplanError passes as it is. */
export function archiveFsError(error: unknown, file: string, doing: string): VplanError {
  if (error instanceof VplanError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'EEXIST' && doing.startsWith('skapa')) {
    return new VplanError(`Arkivet: kunde inte ${doing} ${file}: det finns en fil med det namnet.`, 'Välj en mapp med --archive.');
  }
  const reason = REASONS[code] ?? (code ? `fel ${code}` : (error as Error)?.message ?? String(error));
  return new VplanError(`Arkivet: kunde inte ${doing} ${file}: ${reason}.`, HINTS[code]);
}

/** Runs a file-system step; its failure becomes archiveFsError. */
export async function step<T>(file: string, doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw archiveFsError(error, file, doing);
  }
}
