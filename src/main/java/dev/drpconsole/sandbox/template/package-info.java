/**
 * Renders DRP task templates for the sandbox server: the part of Go's {@code text/template} (and of sprig) that
 * DRP content uses, with DRP's render data ({@code .Machine}, {@code .Param}, {@code .ApiURL}, tokens, ...).
 *
 * <p>Entry points: {@link dev.drpconsole.sandbox.template.GoTemplate#parse}, then
 * {@link dev.drpconsole.sandbox.template.GoTemplate#render} with a
 * {@link dev.drpconsole.sandbox.template.TemplateData} the server implements (or a
 * {@link dev.drpconsole.sandbox.template.StaticTemplateData}). Every failure is a
 * {@link dev.drpconsole.sandbox.template.TemplateException} whose message is fit for a job log.
 *
 * <p><b>Fidelity.</b> Values behave as on a real server: param numbers are float64 (so {@code 1000000} prints as
 * {@code 1e+06} and comparing one with an int literal fails), maps and lists print as Go prints them
 * ({@code map[a:1]}, {@code [a b]}), nil prints as {@code <no value>}, a missing map key is an error
 * ({@code missingkey=error}). Where Go would write an error marker into the output ({@code %!d(float64=3)}),
 * the render fails instead.
 *
 * <p>Internals: {@code Lexer} → {@code Parser} (tree of {@code Node}s) → {@code Evaluator}, with
 * {@code RenderRoot} for DRP's render data, {@code Functions} for callable functions and {@code GoValues},
 * {@code GoCompare}, {@code GoFormat}, {@code GoJson}, {@code GoStrings} for Go's value semantics. No I/O, no
 * threads; a parsed template is immutable.
 */
package dev.drpconsole.sandbox.template;
