// The vplan command: a thin shell over the pipeline that turns results and errors into messages and
// exit codes (0 done, 1 a plan or build failed, 2 the command itself was wrong). Each command is in src/cli/.
// Each command loads only the modules it needs (see ./cli/commands.ts): --help, validate and schema never
// load the browser, pdf-lib or the spreadsheet and Word readers.
import { VERSION } from './version.js';
import { UsageError, report } from './cli/report.js';
import { parseCommandLine } from './cli/options.js';
import { suggest } from './load/messages.js';
import { DEFAULT_ARCHIVE_DIR } from './archive/dir.js';
import { commands } from './cli/commands.js';

const HELP = `vplan ${VERSION} – verksamhetsplan med budget som PDF

En plan är en JSON-fil, en YAML-fil eller en planmapp (plan.yaml och ett avsnitt per
Markdown-fil i avsnitt/); <plan> nedan är vilken som helst av dem.

Användning:
  vplan init <mapp> [--name "Samordningsförbundet X"] [--year 2027] [--members "A, B, …"]
      Skriver en ny planmapp som går att bygga direkt: titelsida, vision, målgrupp,
      organisation, mål och en budget med en intäktsrad per medlem. Frågar efter
      namn, budgetår och medlemmar i en terminal; annars flaggorna eller standardvärden.
  vplan build <plan> [fler planer …] [--out fil.pdf] [--html fil.html] [--theme namn] [--pdfa]
             [--jobs N] [--browser sökväg]
      Kontrollerar planen, räknar budgeten och skriver PDF:en
      (standard: output/<plan>.pdf; --out bara med en plan;
      --theme väljer ett annat utseende än planens, t.ex. modern;
      --pdfa skriver PDF/A-2u för arkivering; --html skriver också HTML:en som
      skrevs ut; flera planer byggs med en webbläsare och --jobs sidor åt gången).
  vplan build <plan> [fler planer …] --web [--out fil.html] [--theme namn]
      Skriver planen som en webbsida för förbundets webbplats i stället för PDF:en
      (standard: output/<plan>.html): samma avsnitt och numrering, innehållet som
      länkar, tabeller och typsnitt i filen, inget skript och inget som hämtas.
  vplan watch <plan> [--out fil.pdf] [--theme namn] [--serve] [--port N]
      Bygger planen och bygger om den varje gång planen, en mall, ett utseende
      eller en bild sparas. Ett fel visas, och den senaste fungerande PDF:en står
      kvar. --serve visar PDF:en på http://127.0.0.1:PORT/ och laddar om sidan
      efter varje ombyggnad; sidan visar också ändringarna sedan planens senaste
      arkiverade version (--archive mapp). Avsluta med Ctrl+C.
  vplan archive <plan> [--archive mapp] [--force]
      Skriver planen som PDF/A och arkiverar den som nästa version under sitt dnr
      (standard: output/archive/): PDF:en med versionsnumret, planen exakt som den
      är, filerna den använder (logotypen) och ett manifest med SHA-256 för varje
      fil och för föregående versions manifest. Visar manifestets kontrollsumma:
      anteckna den i diariet. En arkiverad version är skrivskyddad och ändras
      aldrig. En plan som är oförändrad sedan senaste versionen arkiveras inte
      igen (--force arkiverar den ändå).
  vplan archive list [dnr] [--archive mapp]
      Visar arkiverade versioner med förbund, status, datum och kontrollsumma, och
      om varje versions filer stämmer med manifestet (avslutningskod 1 vid fel).
  vplan archive verify [dnr] [--archive mapp] [--rebuild]
      Räknar om kontrollsummorna och kedjan mellan versionerna och visar filer
      som ändrats, saknas eller tillkommit och versioner som tagits bort, bytts ut
      eller flyttats. Jämför sedan senaste version och kontrollsumma med diariet. --rebuild bygger också om varje version ur dess arkiverade filer
      och jämför PDF:en byte för byte.
  vplan diff <gammal plan | dnr@version> <ny plan | dnr@version> [--appendix] [--out fil.pdf] [--archive mapp]
      Visar vad som ändrats: varje budgetcell gammalt → nytt med effekten på summor
      och resultat, nya rader och kolumner med sina belopp, nya och borttagna avsnitt,
      orden som ändrats i omskrivna avsnitt, status och datum.
      --appendix skriver också den nya planens PDF med ändringarna som sista sida.
  vplan validate <plan> [fler planer …]
      Kontrollerar planen och räknar budgeten utan att skriva något; visar varningar.
  vplan next <plan> --out <sökväg>
      Nästa års plan i samma form: budgetåret + 1, kolumnerna flyttas ett år (årets
      budget blir fjolårets kolumn, en prognos för innevarande år, planåren flyttas;
      ett utfall och ett nytt planår står tomma att fylla i), medlemsbidragen följer
      sina budgetkolumner, ingående kapital blir det utgående som planen räknade
      fram, siffror i texten och årtalen bredvid dem följer sina kolumner, logotyp
      och bilder kopieras med. Status blir utkast utan dnr och beslutsdatum, och en
      beslutsrad som säger fastställd tas bort. Årtal i texten som nu är förflutna
      visas som varningar. Den gamla planen ändras inte.
  vplan convert <plan> --to json|yaml|folder --out <sökväg>
      Skriver samma plan i en annan form (en JSON-fil, en YAML-fil eller en planmapp);
      den nya formen ger samma PDF. Skriver aldrig över en fil som finns.
  vplan export-budget <plan> <budget.xlsx | budget.csv>
      Skriver budgeten som ett kalkylblad: ett blad per tabell (budgeten och varje
      specifikation), planens radtexter och kolumnrubriker, alla summor som formler.
      Skriver aldrig över en fil som finns.
  vplan import-budget <plan> <budget.xlsx | budget.csv> --out <ny plan>
      Läser beloppen ur bladet (per radtext och kolumnrubrik) och skriver planen med
      dem till --out, i samma form som planen; planen själv ändras inte. vplan räknar
      själv alla summor: en summa i bladet som skiljer sig blir en varning.
  vplan import <plan.docx> --out <mapp>
      Läser en plan skriven i Word (.docx) till en ny planmapp: rubrikerna blir
      avsnitt, texten och listorna Markdown, en tabell med år i första raden och
      belopp i cellerna blir budgeten (summaraderna räknar vplan själv). Det som
      fick gissas eller inte kunde läsas listas under "Kontrollera".
  vplan schema [--out plan.schema.json]
      Skriver planformatets JSON Schema (samma som schema/plan.schema.json), för
      redigeringsstöd: "$schema" i JSON, "# yaml-language-server: $schema=…" i YAML.
  vplan --help | --version

Webbläsare: --browser eller miljövariabeln VPLAN_BROWSER; annars Chrome,
Chromium eller Edge på datorn; annars Chromium från npm (@sparticuz/chromium).

Avslutningskod: 0 klart, 1 en plan hade fel eller kunde inte skrivas ut, 2 fel i kommandot.`;

/** Whatever escapes a command still reaches the user as a message, never as a stack trace. */
function installLastResort(): void {
  const last = (error: unknown) => {
    report(error);
    process.exit(1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  // A reader that stops reading early (vplan schema | head) ends the output, not in an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      last(error);
    });
  }
}

/** --theme names one of vplan's themes: a misspelt one is a mistake in the command, found before any work. */
async function checkTheme(theme: string): Promise<void> {
  const themes = await (await import('./render/assets.js')).listThemes();
  if (themes.includes(theme)) return;
  const hint = suggest(theme, themes);
  throw new UsageError(`--theme: utseendet "${theme}" finns inte${hint ? ` – menade du ${hint}?` : ''}; välj ett av ${themes.join(', ')}`);
}

export async function main(argv: string[]): Promise<number> {
  installLastResort();
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`vplan: ${error.message}\n\nSe vplan --help.\n`);
    return 2;
  }
  const { command, args: rest, values } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    if (values.theme !== undefined) await checkTheme(values.theme);
    switch (command) {
      case 'build':
        return await (await commands.build()).commandBuild(rest, {
          out: values.out,
          html: values.html,
          browser: values.browser,
          theme: values.theme,
          pdfa: values.pdfa ?? false,
          jobs: (await commands.build()).parseJobs(values.jobs),
          web: values.web ?? false,
        });
      case 'validate':
        return await (await commands.build()).commandValidate(rest);
      case 'watch':
        return await (await commands.watch()).commandWatch(rest, {
          out: values.out,
          theme: values.theme,
          browser: values.browser,
          serve: values.serve ?? false,
          port: values.port,
          archiveDir: values.archive ?? DEFAULT_ARCHIVE_DIR,
        });
      case 'diff':
        return await (await commands.diff()).commandDiff(rest, {
          appendix: values.appendix ?? false,
          out: values.out,
          archiveDir: values.archive ?? DEFAULT_ARCHIVE_DIR,
          browser: values.browser,
          theme: values.theme,
        });
      case 'archive':
        return await (await commands.archive()).commandArchive(rest, {
          archiveDir: values.archive ?? DEFAULT_ARCHIVE_DIR,
          browser: values.browser,
          force: values.force ?? false,
          rebuild: values.rebuild ?? false,
        });
      case 'schema':
        return await (await commands.schema()).commandSchema(rest, { out: values.out });
      case 'init':
        return await (await commands.init()).commandInit(rest, { name: values.name, year: values.year, members: values.members, interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) });
      case 'next':
        return await (await commands.next()).commandNext(rest, { out: values.out });
      case 'convert':
        return await (await commands.convert()).commandConvert(rest, { to: values.to, out: values.out });
      case 'export-budget':
        return await (await commands.sheet()).commandExportBudget(rest);
      case 'import-budget':
        return await (await commands.sheet()).commandImportBudget(rest, { out: values.out });
      case 'import':
        return await (await commands.import()).commandImport(rest, { out: values.out });
      default: {
        const known = ['init', 'build', 'validate', 'watch', 'diff', 'archive', 'next', 'convert', 'import', 'export-budget', 'import-budget', 'schema'];
        const hint = suggest(command, known);
        throw new UsageError(`okänt kommando "${command}"${hint ? ` – menade du ${hint}?` : ''}; kommandona är ${known.join(', ')}`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`vplan: ${error.message}\n\nSe vplan --help.\n`);
      return 2;
    }
    report(error);
    return 1;
  }
}
