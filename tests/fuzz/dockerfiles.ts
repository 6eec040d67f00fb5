/**
 * Random Dockerfiles with a small random build context: mostly instructions
 * that build, mixed with heredocs, continuations, escapes, parser
 * directives, variables, failing commands, bad instructions and junk.
 */
import fc from 'fast-check';

export interface BuildInput {
  readonly dockerfile: string;
  /** Context files, relative path → content. */
  readonly files: Readonly<Record<string, string>>;
}

const w = (...xs: string[]) => fc.constantFrom(...xs);

const directive = w('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# check=error=true', '# check=skip=JSONArgsRecommended', '#syntax=nope', '# escape=xx', '# directive=unknown', '# a comment');

const from = fc.oneof(
  { weight: 16, arbitrary: w('FROM busybox', 'FROM alpine', 'FROM busybox:1.37 AS base', 'FROM alpine:3 AS build', 'from busybox', 'FROM busybox as Mixed') },
  { weight: 1, arbitrary: w('FROM scratch', 'FROM nosuch', 'FROM ${BASE:-busybox}', 'FROM $NOPE', 'FROM --platform=$BUILDPLATFORM alpine', 'FROM base', 'FROM busybox AS', 'FROM', 'FROM Busybox', 'FROM hello-world') },
);

const junk = fc.string({ maxLength: 10 }).map((s) => s.replace(/\n/g, ' '));

/** Instructions that build on busybox and alpine with the context below. */
const good = fc.oneof(
  { weight: 6, arbitrary: w('RUN echo hi', 'RUN echo "$A" > /a.txt', 'RUN mkdir -p /app && echo x > /app/x', 'RUN ["echo", "exec form"]', 'RUN ["sh", "-c", "echo $HOME"]', 'RUN ls /ctx 2>/dev/null || true', 'RUN cat /etc/os-release', 'RUN touch /t && rm /t', 'RUN echo $A \\\n  && echo continued', 'RUN set -e; \\\n  # inner comment\n  echo ok', 'RUN rm -rf /tmp/*', 'RUN ln -s /a /b || true', 'RUN chmod 600 /etc/hostname || true', 'RUN sleep 2', 'RUN --mount=type=cache,target=/c echo cached', 'RUN --network=none echo n') },
  { weight: 2, arbitrary: w('RUN <<EOF\necho one\necho two > /h\nEOF', 'RUN <<-EOT\n\techo tabbed\n\tEOT', 'COPY <<EOF /hello.txt\nhello $A\nEOF', 'COPY <<"EOF" /raw.txt\nraw $A\nEOF') },
  { weight: 5, arbitrary: w('COPY a.txt /a.txt', 'COPY . /ctx', 'COPY *.txt /txt/', 'COPY --chown=1000:1000 a.txt /owned', 'COPY --chmod=755 a.txt /x', 'ADD a.txt /added', 'COPY ["a.txt", "/json.txt"]', 'COPY a.txt a.txt /two/') },
  { weight: 4, arbitrary: w('ENV A=1', 'ENV A="two words" B=${A}', 'ENV A 1 2', 'ARG A', 'ARG A=default', 'LABEL a=b "c d"=e', 'WORKDIR /app', 'WORKDIR rel', 'WORKDIR $A', 'USER nobody', 'USER 1000:1000', 'EXPOSE 80', 'EXPOSE 80/udp 443', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'STOPSIGNAL SIGTERM', 'STOPSIGNAL 9') },
  { weight: 3, arbitrary: w('CMD ["cat", "/a.txt"]', 'CMD echo shell form', 'ENTRYPOINT ["sh", "-c"]', 'ENTRYPOINT echo', 'SHELL ["/bin/sh", "-c"]', 'HEALTHCHECK CMD true', 'HEALTHCHECK --interval=1s CMD true', 'HEALTHCHECK NONE', 'ONBUILD RUN echo later', 'MAINTAINER someone', '# comment', '', 'LABEL a=b \\\n\n  c=d', 'ENV A=1 \\\n# comment inside\n  B=2') },
);

/** Instructions that fail, in every way the parser, the linter or the build can say so. */
const bad = fc.oneof(
  w('RUN exit 3', 'RUN nosuchcmd', 'RUN ["nosuch"]', 'RUN', 'RUN [', 'RUN ["unterminated', 'RUN --bad=1 echo', 'RUN cat /nope', 'RUN <<EOF bash\necho x\nEOF', 'RUN <<EOF\nunterminated'),
  w('COPY dir/ /dir/', 'COPY a.txt b.txt /two/', 'ADD dir /adir', 'COPY --from=base /etc/hostname /h', 'COPY --from=nosuch /x /y', 'COPY missing.txt /m', 'COPY ../escape /e', 'COPY', 'COPY a.txt', 'ADD --bad a.txt /', 'COPY [a.txt /x]'),
  w('ENV =x', 'ENV', 'ARG', 'ARG 1bad', 'LABEL', 'WORKDIR', 'USER', 'EXPOSE 99999', 'EXPOSE x', 'STOPSIGNAL NOPE', 'CMD', 'CMD ["bad', 'SHELL /bin/sh', 'HEALTHCHECK --interval=x CMD true', 'ONBUILD ONBUILD RUN x', 'ONBUILD FROM x'),
  w('FORM busybox', 'RUNN echo', '{', '    ', '\\', 'RUN echo `backtick`', 'RUN echo \\\n'),
  fc.tuple(w('RUN echo', 'LABEL k=', 'ENV K=', 'WORKDIR /', 'EXPOSE', 'USER', 'ARG X='), junk).map(([i, j]) => `${i}${j}`),
  junk,
);

const stage = (instruction: fc.Arbitrary<string>) => fc.tuple(from, fc.array(instruction, { maxLength: 7 })).map(([f, body]) => [f, ...body].join('\n'));
const stages = fc.oneof({ weight: 3, arbitrary: fc.array(stage(good), { minLength: 1, maxLength: 3 }) }, { weight: 2, arbitrary: fc.array(stage(fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad })), { minLength: 1, maxLength: 3 }) });

const lineEnd = w('\n', '\n', '\n', '\r\n');

export const dockerfile: fc.Arbitrary<string> = fc
  .tuple(fc.array(directive, { maxLength: 2 }), fc.array(w('ARG BASE=busybox', 'ARG A=1', '# leading comment'), { maxLength: 2 }), stages, lineEnd, fc.boolean())
  .map(([dirs, pre, stages, eol, trailingNewline]) => {
    const text = [...dirs, ...pre, ...stages].join('\n');
    const body = eol === '\n' ? text : text.replace(/\n/g, eol);
    return trailingNewline ? body + eol : body;
  });

const fileName = w('a.txt', 'b.txt', 'dir/b.txt', 'dir/sub/c.txt', 'app.js', '.hidden', 'space name.txt', 'ünïcode.txt');
const content = fc.oneof(fc.string({ maxLength: 40 }), w('', 'hello\n', 'console.log(1)\n'));

export const context: fc.Arbitrary<Record<string, string>> = fc
  .tuple(fc.dictionary(fileName, content, { maxKeys: 5 }), fc.option(w('*.txt\n', 'dir\n!dir/b.txt\n', '# nothing\n', 'Dockerfile\n', '**/c.txt\n', '[\n')))
  .map(([files, ignore]) => ({ 'a.txt': 'A\n', ...files, ...(ignore !== null ? { '.dockerignore': ignore } : {}) }));

export const buildInput: fc.Arbitrary<BuildInput> = fc.tuple(dockerfile, context).map(([d, files]) => ({ dockerfile: d, files }));
