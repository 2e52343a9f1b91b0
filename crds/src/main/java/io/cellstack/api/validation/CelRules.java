package io.cellstack.api.validation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the CRDs' {@code x-kubernetes-validations} rules with Google's CEL implementation, so
 * the CLI and the operator enforce exactly the rules the API server enforces, written once on the
 * Java model. Compiled programs are cached per rule text.
 */
final class CelRules {

  private final CelCompiler compiler =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /**
   * Whether {@code rule} holds for {@code self}.
   *
   * @throws IllegalStateException when the rule does not compile or cannot be evaluated on {@code
   *     self}; the message says why
   */
  boolean holds(String rule, Object self) {
    CelRuntime.Program program = programs.computeIfAbsent(rule, this::compile);
    try {
      Object result = program.eval(Map.of("self", self));
      if (!(result instanceof Boolean b)) {
        throw new IllegalStateException("rule '" + rule + "' did not yield a boolean");
      }
      return b;
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("rule '" + rule + "' cannot be evaluated: " + e.getMessage());
    }
  }

  private CelRuntime.Program compile(String rule) {
    try {
      CelAbstractSyntaxTree ast = compiler.compile(rule).getAst();
      return runtime.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("rule '" + rule + "' does not compile: " + e.getMessage());
    }
  }
}
