namespace Preau.Admin.Communication.Resources;

/// <summary>Marker for the communication rules screen's strings (CommunicationStrings.resx: French; CommunicationStrings.en.resx: English).</summary>
public sealed class CommunicationStrings;
