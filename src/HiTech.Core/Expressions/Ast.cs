namespace HiTech.Core.Expressions;

/// <summary>The parsed form of an expression. Every node keeps its text span for error messages.</summary>
public abstract record Node(int Offset, int Length);

public sealed record NumberNode(double Value, int Offset, int Length) : Node(Offset, Length);

public sealed record StringNode(string Value, int Offset, int Length) : Node(Offset, Length);

public sealed record BooleanNode(bool Value, int Offset, int Length) : Node(Offset, Length);

public sealed record NameNode(string Name, int Offset, int Length) : Node(Offset, Length);

public sealed record ListNode(IReadOnlyList<Node> Items, int Offset, int Length) : Node(Offset, Length);

public sealed record UnaryNode(string Operator, Node Operand, int Offset, int Length) : Node(Offset, Length);

public sealed record BinaryNode(string Operator, Node Left, Node Right, int Offset, int Length) : Node(Offset, Length);

public sealed record CallNode(string Function, IReadOnlyList<Node> Arguments, int Offset, int Length) : Node(Offset, Length);

/// <summary><c>item in container</c>: a value in a literal list, or a code in a code-list input.</summary>
public sealed record InNode(Node Item, Node Container, int Offset, int Length) : Node(Offset, Length);
