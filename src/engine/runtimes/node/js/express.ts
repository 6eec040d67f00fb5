export const EXPRESS_JS = "module.exports = {};"; export const BODY_PARSER_JS = "module.exports = {};";
