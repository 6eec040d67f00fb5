/**
 * A small snapshot of PyPI: `name version wheel-kB [deps…]` per line. Names
 * are the normalised project names pip prints in `Successfully installed`.
 */
const DATA = `
flask 3.1.1 103 blinker click itsdangerous jinja2 markupsafe werkzeug
blinker 1.9.0 8
click 8.2.1 102
itsdangerous 2.2.0 16
jinja2 3.1.6 135 markupsafe
markupsafe 3.0.2 23
werkzeug 3.1.3 224 markupsafe
requests 2.32.4 64 certifi charset-normalizer idna urllib3
certifi 2025.6.15 157
charset-normalizer 3.4.2 148
idna 3.10 70
urllib3 2.5.0 129
django 5.2.3 8300 asgiref sqlparse
asgiref 3.8.1 23
sqlparse 0.5.3 44
fastapi 0.115.14 95 pydantic starlette typing-extensions
pydantic 2.11.7 444 annotated-types pydantic-core typing-extensions typing-inspection
pydantic-core 2.33.2 2000 typing-extensions
annotated-types 0.7.0 13
typing-extensions 4.14.0 43
typing-inspection 0.4.1 14 typing-extensions
starlette 0.46.2 72 anyio
anyio 4.9.0 100 idna sniffio
sniffio 1.3.1 10
uvicorn 0.35.0 66 click h11
h11 0.16.0 37
gunicorn 23.0.0 85 packaging
packaging 25.0 66
numpy 2.3.1 16600
pandas 2.3.0 12300 numpy python-dateutil pytz tzdata
python-dateutil 2.9.0.post0 229 six
six 1.17.0 11
pytz 2025.2 509
tzdata 2025.2 347
redis 6.2.0 278
python-dotenv 1.1.1 20
psycopg2-binary 2.9.10 3000
pytest 8.4.1 365 iniconfig packaging pluggy pygments
iniconfig 2.1.0 6
pluggy 1.6.0 20
pygments 2.19.2 1200
sqlalchemy 2.0.41 3200 greenlet typing-extensions
greenlet 3.2.3 605
`;

export interface PyPackage {
  readonly name: string;
  readonly version: string;
  readonly kb: number;
  readonly deps: readonly string[];
}

export const PYPI: ReadonlyMap<string, PyPackage> = new Map(
  DATA.split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w.length >= 3)
    .map(([name, version, kb, ...deps]) => [name, { name, version, kb: Number(kb), deps }]),
);

/** PEP 503 normalisation: `Flask_Login` → `flask-login`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
